package io.dst.jdbc.shell;

/** The text {@code help} prints. */
final class ShellHelp {
  static final String TEXT = """
      Commands end with their line; SQL ends with ;  (Tab completes commands, tables and columns)
        str.put "k1" "v1"                      str.get "k1"            str.del "k1"
        dict.put "d" "k1" "v1" "k2" "v2"       dict.get "d" ["k1"]     dict.del "d" ["k1"]
        table.create task_table from mytables.sc      (the .sc path is relative to where dst runs)
        table.list    table.desc task_table    table.drop task_table
        table.load task_table from "tasks.csv"       (CSV with a header row; bulk import)
        task_table.add "00001", "22222", "my_task", 3, ["1", "2"]
        task_table.query (*) when driver_id == "22222"
        task_table.update set return_num = 4 when task_id == "00001"
        task_table.delete when task_id == "00001"
        SELECT driver_id, count(*) FROM task_table GROUP BY driver_id;
      exit, quit or Ctrl-D leave; Ctrl-C cancels a running statement.
      """;

  private ShellHelp() {}
}
