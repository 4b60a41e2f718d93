package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command language end to end, from a real schema file on disk. */
class CommandLanguageTest extends SessionTestSupport {
  private static final StatementResult OK = new StatementResult.Message("ok");

  @TempDir
  Path dir;

  @BeforeEach
  void writeSchemaFile() throws Exception {
    Files.writeString(dir.resolve("mytables.sc"), """
        // the user's tables
        table task_table {
          [p]task_id: string;
          [i]driver_id: string;
          task_name: string;
          return_num: int;
          arguments: [string];
        }
        table driver_table {
         [p]driver_id: string;
         driver_name: string;
         actor_num: int;
        };
        """);
    session.setWorkingDirectory(dir);
  }

  @Test
  void shouldRunTheDesignDocExample() {
    assertThat(run("table.create task_table driver_table from mytables.sc")).isEqualTo(OK);
    assertThat(run("task_table.add \"00001\", \"22222\", \"my_task\", 3, [\"1\", \"2\"]")).isEqualTo(OK);
    assertThat(run("task_table.add \"00002\", \"33333\", \"other\", 5, []")).isEqualTo(OK);
    StatementResult result = run("task_table.query (*) when driver_id == \"22222\"");
    assertThat(labels(result)).containsExactly("task_id", "driver_id", "task_name", "return_num", "arguments");
    assertThat(rowsOf(result)).containsExactly(row("00001", "22222", "my_task", 3, java.util.List.of("1", "2")));
    assertThat(rows("task_table.query (task_id, return_num) when return_num > 3 or task_name != \"my_task\""))
        .containsExactly(row("00002", 5));
    assertThat(rows("task_table.query (task_id) order by return_num desc limit 1")).containsExactly(row("00002"));
    assertThat(rows("select count(*) from task_table")).containsExactly(row(2L));
  }

  @Test
  void shouldUpdateAndDeleteWithWhen() {
    runAll("table.create task_table from mytables.sc",
        "task_table.add \"1\", \"d\", \"a\", 1, []", "task_table.add \"2\", \"d\", \"b\", 2, []",
        "task_table.add \"3\", \"e\", \"c\", 3, []");
    assertThat(run("task_table.update set return_num = 10, task_name = \"z\" when driver_id == \"d\""))
        .isEqualTo(new StatementResult.UpdateCount(2));
    assertThat(run("task_table.delete when return_num < 5")).isEqualTo(new StatementResult.UpdateCount(1));
    assertThat(rows("task_table.query (task_id, task_name, return_num) order by task_id"))
        .containsExactly(row("1", "z", 10), row("2", "z", 10));
  }

  @Test
  void shouldListDescribeAndDropTables() {
    run("table.create task_table driver_table from mytables.sc");
    run("driver_table.add \"d1\", \"alice\", 2");
    assertThat(rows("table.list")).containsExactlyInAnyOrder(row("task_table", 0L), row("driver_table", 1L));
    assertThat(rows("table.desc task_table")).containsExactly(row("task_id", "string", "p"),
        row("driver_id", "string", "i"), row("task_name", "string", ""), row("return_num", "int", ""),
        row("arguments", "[string]", ""));
    assertThat(run("table.drop driver_table")).isEqualTo(OK);
    assertThat(rows("table.list")).containsExactly(row("task_table", 0L));
  }

  @Test
  void shouldRunStrAndDictCommands() {
    assertThat(run("str.put \"k1\" \"v1\"")).isEqualTo(OK);
    assertThat(rows("str.get \"k1\"")).containsExactly(row("v1"));
    assertThat(rows("str.get \"missing\"")).containsExactly(row((Object) null));
    assertThat(rows("str.exists \"k1\"")).containsExactly(row(true));
    assertThat(run("str.del \"k1\"")).isEqualTo(OK);
    assertThat(rows("str.exists \"k1\"")).containsExactly(row(false));
    assertThat(run("dict.put \"dict_1\" \"k1\" \"v1\" \"k2\" \"v2\"")).isEqualTo(OK);
    assertThat(rows("dict.get \"dict_1\"")).containsExactly(row("k1", "v1"), row("k2", "v2"));
    assertThat(rows("dict.get \"dict_1\" \"k2\"")).containsExactly(row("v2"));
    assertThat(rows("dict.keys \"dict_1\"")).containsExactly(row("k1"), row("k2"));
    assertThat(run("dict.del \"dict_1\" \"k1\"")).isEqualTo(OK);
    assertThat(rows("dict.get \"dict_1\"")).containsExactly(row("k2", "v2"));
  }

  @Test
  void shouldRejectBadCommandsWithPositions() {
    run("table.create task_table from mytables.sc");
    assertThatThrownBy(() -> run("table.create nope from mytables.sc"))
        .isInstanceOf(DstException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> run("task_table.add \"1\", \"d\", \"a\", \"three\", []"))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.TYPE_MISMATCH))
        .hasMessageContaining("return_num");
    assertThatThrownBy(() -> run("task_table.query (*) when nope == 1"))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN))
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> run("missing_table.query (*)"))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TABLE));
    assertThatThrownBy(() -> run("str.put \"k1\""))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.SYNTAX))
        .hasMessageContaining("line 1");
  }
}
