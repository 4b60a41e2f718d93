package io.dst.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.jdbc.DstStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dst import} and {@code table.load} through the driver. */
class ImportCommandTest {
  @TempDir
  Path dir;

  private Path csv(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void importLoadsACsvFileAndPrintsOneSummaryLineWhenPiped() throws Exception {
    Path file = csv("tasks.csv", "task_id,driver_id,return_num,arguments\n1,d1,3,\"[\"\"a\"\"]\"\n2,d1,4,[]\n");
    try (Connection c = DriverManager.getConnection("jdbc:dst:mem:import_ok"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE task_table (task_id VARCHAR PRIMARY KEY, driver_id VARCHAR, return_num INTEGER, "
          + "arguments VARCHAR ARRAY)");
      DumpLoadCommandTest.Run run = DumpLoadCommandTest.dst("import", "--url", "jdbc:dst:mem:import_ok",
          "--table", "task_table", file.toString());
      assertThat(run.err()).isEmpty();
      assertThat(run.status()).isZero();
      assertThat(run.out()).matches("loaded 2 rows into task_table \\([0-9.]+ MB, [0-9.]+ s, [0-9,]+ rows/s\\)\\n")
          .doesNotContain("\r");
      try (ResultSet rs = s.executeQuery("select sum(return_num) from task_table where driver_id = 'd1'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(7);
      }
    }
  }

  @Test
  void importFailuresExitNonZeroWithTheLineAndColumn() throws Exception {
    Path file = csv("bad.csv", "id,n\n1,2\n2,x\n");
    try (Connection c = DriverManager.getConnection("jdbc:dst:mem:import_bad"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
      DumpLoadCommandTest.Run run = DumpLoadCommandTest.dst("import", "--url", "jdbc:dst:mem:import_bad",
          "--table", "t", file.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("Error: import failed: bad.csv, line 3, column \"n\": \"x\" is not an int; "
          + "nothing was loaded\n");
      DumpLoadCommandTest.Run missing = DumpLoadCommandTest.dst("import", "--url", "jdbc:dst:mem:import_bad",
          "--table", "nope", file.toString());
      assertThat(missing.err()).isEqualTo("Error: import failed: table nope does not exist\n");
    }
  }

  @Test
  void tableLoadRunsThroughAStatementAndCountsItsRows() throws Exception {
    Path file = csv("n.csv", "id,n\n1,10\n2,20\n3,\n");
    try (Connection c = DriverManager.getConnection("jdbc:dst:mem:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
      assertThat(s.executeUpdate("table.load t from \"" + file.toString().replace("\\", "\\\\") + "\"")).isEqualTo(3);
      try (ResultSet rs = s.executeQuery("select count(n), sum(n) from t")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2);
        assertThat(rs.getLong(2)).isEqualTo(30);
      }
      assertThat(s.unwrap(DstStatement.class)).isNotNull();
    }
  }

  @Test
  void theProgressLineShowsRowsAndMegabytesPerSecondAndOnlyAtATerminal() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(bytes, true);
    ProgressLine line = new ProgressLine(out, true, "loaded");
    assertThat(line.text(2_000_000, 50_000_000, System.nanoTime()))
        .matches("loaded 2,000,000 rows \\([0-9,]+ rows/s\\), 50\\.0 MB at [0-9.]+ MB/s");
    line.update(10, 1_000);
    line.finish();
    assertThat(bytes.toString()).startsWith("\rloaded 10 rows").endsWith("\r");
    ProgressLine off = new ProgressLine(out, false, "loaded");
    bytes.reset();
    off.update(10, 1_000);
    off.finish();
    assertThat(bytes.toString()).isEmpty();
  }
}
