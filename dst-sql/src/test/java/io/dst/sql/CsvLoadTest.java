package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.TableData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code table.load T from "file.csv"}: header mapping, RFC 4180 quoting, type conversion, errors and what stays loaded. */
class CsvLoadTest extends SessionTestSupport {
  @TempDir
  Path dir;

  @BeforeEach
  void createTables() throws Exception {
    Files.writeString(dir.resolve("t.sc"), """
        table task_table {
          [p]task_id: string;
          [i]driver_id: string;
          task_name: string;
          return_num: int;
          arguments: [string];
        }
        table all_types {
          [p]id: long;
          s: string; i: int; l: long; d: double; b: bool; bts: bytes; ts: timestamp;
          ai: [int]; ad: [double]; ab: [bool]; ats: [timestamp];
        }
        """);
    session.setWorkingDirectory(dir);
    run("table.create task_table all_types from t.sc");
  }

  private long load(String table, String file, String csv) throws Exception {
    Files.writeString(dir.resolve(file), csv, StandardCharsets.UTF_8);
    StatementResult r = run("table.load " + table + " from \"" + file + "\"");
    return ((StatementResult.UpdateCount) r).count();
  }

  private Object[] get(String table, Object key) {
    return store.table(table).orElseThrow().get(key).orElseThrow();
  }

  @Test
  void shouldLoadRowsMappingHeaderNamesInAnyOrderAndCase() throws Exception {
    long n = load("task_table", "tasks.csv", """
        Return_Num,TASK_ID,driver_id,arguments,task_name
        3,00001,22222,"[""1"", ""2""]",my_task
        5,00002,33333,[],"other, with comma"
        """);
    assertThat(n).isEqualTo(2);
    assertThat(rows("task_table.query (*) when driver_id == \"22222\""))
        .containsExactly(List.of("00001", "22222", "my_task", 3, List.of("1", "2")));
    assertThat(get("task_table", "00002")).containsExactly("00002", "33333", "other, with comma", 5, List.of());
  }

  @Test
  void shouldFollowRfc4180QuotingWithCrlfAByteOrderMarkAndBlankLines() throws Exception {
    load("task_table", "q.csv", "\uFEFFtask_id,task_name,driver_id\r\n"
        + "a,\"say \"\"hi\"\"\",\"\"\r\n"
        + "\r\n"
        + "b,\"two\nlines\",\r\n"
        + "c,,x");
    assertThat(get("task_table", "a")).containsExactly("a", "", "say \"hi\"", null, null);
    assertThat(get("task_table", "b")).containsExactly("b", null, "two\nlines", null, null);
    assertThat(get("task_table", "c")).containsExactly("c", "x", null, null, null);
  }

  @Test
  void shouldConvertEveryColumnType() throws Exception {
    load("all_types", "all.csv", """
        id,s,i,l,d,b,bts,ts,ai,ad,ab,ats
        1,x,-7, 9000000000 ,2.5,TRUE,0x0aff,2026-11-23T17:08:53.250Z,"[1, -2]",[1.5],"[true, f]","[0, ""1970-01-02""]"
        2,,,,,,,,,,,
        3,y,2147483647,-9223372036854775808,-1e3,0,00,2026-11-23 17:08:53,[],[],[],[]
        4,z,0,0,0,no,,2026-11-23,,,,
        5,w,0,0,0,yes,,1700000000000,,,,
        6,v,0,0,0,t,,2026-11-23T18:08:53+01:00,,,,
        """);
    Object[] one = get("all_types", 1L);
    assertThat(Arrays.copyOf(one, 6)).containsExactly(1L, "x", -7, 9_000_000_000L, 2.5, true);
    assertThat((byte[]) one[6]).containsExactly(0x0a, 0xff);
    assertThat(one[7]).isEqualTo(Instant.parse("2026-11-23T17:08:53.250Z").toEpochMilli());
    assertThat(Arrays.copyOfRange(one, 8, 12)).containsExactly(List.of(1, -2), List.of(1.5), List.of(true, false),
        List.of(0L, 86_400_000L));
    assertThat(get("all_types", 2L)).containsExactly(2L, null, null, null, null, null, null, null, null, null, null, null);
    Object[] three = get("all_types", 3L);
    assertThat(Arrays.copyOf(three, 6)).containsExactly(3L, "y", Integer.MAX_VALUE, Long.MIN_VALUE, -1000.0, false);
    assertThat(three[7]).isEqualTo(Instant.parse("2026-11-23T17:08:53Z").toEpochMilli());
    assertThat(get("all_types", 4L)[7]).isEqualTo(Instant.parse("2026-11-23T00:00:00Z").toEpochMilli());
    assertThat(get("all_types", 5L)[7]).isEqualTo(1_700_000_000_000L);
    assertThat(get("all_types", 6L)[7]).isEqualTo(Instant.parse("2026-11-23T17:08:53Z").toEpochMilli());
  }

  private static String tasks(int rows, int badLine, String badValue) {
    StringBuilder b = new StringBuilder("task_id,driver_id,task_name,return_num,arguments\n");
    for (int line = 2; line < rows + 2; line++) {
      b.append("t").append(line).append(",d").append(line % 10).append(",name,")
          .append(line == badLine ? badValue : String.valueOf(line)).append(",\"[\"\"a\"\"]\"\n");
    }
    return b.toString();
  }

  @Test
  void aBadValueNamesLineAndColumnAndNothingIsLoadedFromItsBatch() {
    assertThatThrownBy(() -> load("task_table", "tasks.csv", tasks(3_000, 1_204, "abc")))
        .isInstanceOf(DstException.class)
        .hasMessage("tasks.csv, line 1,204, column \"return_num\": \"abc\" is not an int; nothing was loaded")
        .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(store.table("task_table").orElseThrow().rowCount()).isZero();
  }

  @Test
  void batchesBeforeAFailureStayLoadedAndTheErrorSaysHowMany() {
    assertThatThrownBy(() -> load("task_table", "tasks.csv", tasks(30_000, 25_000, "99999999999")))
        .hasMessage("tasks.csv, line 25,000, column \"return_num\": \"99999999999\" is not an int (out of range); "
            + "the 20,000 rows before line 20,002 were loaded, nothing from that line on");
    TableData t = store.table("task_table").orElseThrow();
    assertThat(t.rowCount()).isEqualTo(20_000);
    assertThat(t.get("t20001")).isPresent();
    assertThat(t.get("t20002")).isEmpty();
  }

  @Test
  void aDuplicateKeyFailsItsWholeBatch() {
    String csv = tasks(12_000, -1, "") + "t5,d,n,1,[]\n";
    assertThatThrownBy(() -> load("task_table", "dup.csv", csv))
        .hasMessageStartingWith("dup.csv, lines 10,002 to 12,002: duplicate primary key \"t5\" in table task_table; "
            + "the 10,000 rows before line 10,002 were loaded")
        .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
    assertThat(store.table("task_table").orElseThrow().rowCount()).isEqualTo(10_000);
  }

  @Test
  void badFilesAreRefusedWithTheLineAndWhatWasWrong() {
    assertThatThrownBy(() -> load("task_table", "a.csv", "task_id,nope\n1,2\n"))
        .hasMessage("a.csv, line 1: header field 2, \"nope\", is not a column of table task_table "
            + "(its columns: task_id, driver_id, task_name, return_num, arguments)");
    assertThatThrownBy(() -> load("task_table", "b.csv", "driver_id\nx\n"))
        .hasMessage("b.csv, line 1: the header has no column \"task_id\", the primary key of table task_table");
    assertThatThrownBy(() -> load("task_table", "c.csv", "task_id,task_id\n"))
        .hasMessage("c.csv, line 1: column \"task_id\" appears twice in the header (fields 1 and 2)");
    assertThatThrownBy(() -> load("task_table", "d.csv", "task_id,driver_id\n1,2\n3\n"))
        .hasMessage("d.csv, line 3: 1 field, but the header has 2; nothing was loaded");
    assertThatThrownBy(() -> load("task_table", "e.csv", "task_id,task_name\n1,\"open\n2,x\n"))
        .hasMessage("e.csv, line 2: a quoted field is not closed before the end of the file; nothing was loaded");
    assertThatThrownBy(() -> load("task_table", "f.csv", "task_id,task_name\n1,\"a\"b\n"))
        .hasMessageContaining("f.csv, line 2: field 2 has text after its closing quote");
    assertThatThrownBy(() -> load("task_table", "g.csv", ""))
        .hasMessageStartingWith("g.csv is empty");
    assertThatThrownBy(() -> load("task_table", "h.csv", "task_id,arguments\n1,\"[\"\"a\"\", ]\"\n"))
        .hasMessage("h.csv, line 2, column \"arguments\": \"[\\\"a\\\", ]\" is not a [string] (a ',' before ']'); "
            + "nothing was loaded");
    assertThatThrownBy(() -> load("task_table", "i.csv", "task_id,return_num\n,1\n"))
        .hasMessage("i.csv, line 2, column \"task_id\": the primary key cannot be empty; nothing was loaded");
    assertThatThrownBy(() -> run("table.load task_table from \"missing.csv\""))
        .hasMessageContaining("CSV file " + dir.resolve("missing.csv") + " does not exist");
    assertThatThrownBy(() -> run("table.load nope from \"x.csv\""))
        .hasMessage("line 1:1: unknown table nope");
    assertThat(store.table("task_table").orElseThrow().rowCount()).isZero();
  }

  @Test
  void recordsSpanningTheReadBufferArriveWhole() throws Exception {
    StringBuilder b = new StringBuilder("task_id,task_name\n");
    int rows = 60_000;
    for (int i = 0; i < rows; i++) {
      b.append(i).append(",\"line one ").append(i).append("\nline \"\"two\"\", ").append("x".repeat(i % 50)).append("\"\n");
    }
    assertThat(load("task_table", "big.csv", b.toString())).isEqualTo(rows);
    for (int i = 0; i < rows; i += 997) {
      assertThat(get("task_table", String.valueOf(i))[2]).isEqualTo("line one " + i + "\nline \"two\", " + "x".repeat(i % 50));
    }
  }
}
