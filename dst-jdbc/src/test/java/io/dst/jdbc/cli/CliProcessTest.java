package io.dst.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code dst} as a real child process, the way bin/dst does, and checks what it prints. */
class CliProcessTest {
  static final Path SCHEMA_DIR = ChildProcess.MODULE.resolve("src/test/resources");

  @Test
  void theDesignSessionPipedIntoTheShellPrintsDesignMdsOutput() throws Exception {
    ChildProcess.Result r = ChildProcess.run(SCHEMA_DIR, DesignSession.script("mytables.sc"), "shell");
    assertThat(r.out()).as("stderr: %s", r.err()).isEqualTo(DesignSession.OUTPUT);
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
  }

  @Test
  void aScriptWithAFailingStatementRunsToTheEndAndExitsNonZero(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("script.dst");
    Files.writeString(script, "str.put \"k\" \"v\"\nSELECT * FROM nowhere;\nstr.get \"k\"\n");
    ChildProcess.Result r = ChildProcess.run(dir, "", "shell", "-f", script.toString());
    assertThat(r.out()).isEqualTo("\"ok\"\n\"v\"\n");
    assertThat(r.err()).startsWith("Error: ").contains("nowhere").doesNotContain("\tat ");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void aLocalClusterWithMetricsPortsPrintsEachNodesScrapeUrl(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("script.dst");
    Files.writeString(script, "str.put \"k\" \"v\"\n");
    ChildProcess.Result r = ChildProcess.run(dir, "", "local", "--nodes", "2", "--metrics-port", "0",
        "-f", script.toString());
    assertThat(r.out()).as("stderr: %s", r.err()).isEqualTo("\"ok\"\n");
    assertThat(r.err()).containsPattern(
        "Prometheus metrics at http://127\\.0\\.0\\.1:\\d+/metrics, http://127\\.0\\.0\\.1:\\d+/metrics\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void theSqlConsoleRunsPipedSqlThroughSqlline() throws Exception {
    ChildProcess.Result r = ChildProcess.run(SCHEMA_DIR, """
        CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER);
        INSERT INTO t VALUES ('a', 1);
        SELECT * FROM t;
        """, "sql", "jdbc:dst:mem:");
    assertThat(r.out()).as("stderr: %s", r.err()).contains("| id | n |").contains("| a  | 1 |");
    assertThat(r.status()).isZero();
  }
}
