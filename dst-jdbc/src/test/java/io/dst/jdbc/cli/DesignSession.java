package io.dst.jdbc.cli;

/** The example session of DESIGN.md, as a script and as what the shell prints for it. */
final class DesignSession {
  static final String SCRIPT = """
      str.put "k1" "v1"
      str.get "k1"
      dict.put "dict_1" "k1" "v1" "k2" "v2"
      dict.get "dict_1"
      dict.get "dict_1" "k2"
      table.create task_table driver_table from %s
      task_table.add "00001", "22222", "my_task", 3, ["1", "2"]
      task_table.query (*) when driver_id == "22222"
      """;

  static final String OUTPUT = """
      "ok"
      "v1"
      "ok"
      {"k1" : "v1" , "k2" : "v2"}
      "v2"
      "ok"
      "ok"
        task_id  driver_id  task_name  return_num  arguments
        "00001"  "22222"    "my_task"  3           ["1", "2"]
      """;

  private DesignSession() {}

  static String script(String schemaFile) {
    return SCRIPT.formatted(schemaFile);
  }
}
