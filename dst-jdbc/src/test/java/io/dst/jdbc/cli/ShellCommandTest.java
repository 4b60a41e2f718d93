package io.dst.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.jdbc.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code dst shell} in-process with piped streams, as a script or a pipe would. */
class ShellCommandTest {

  record Run(int status, String out, String err) {}

  static Run dst(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = DstCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theDesignSessionPrintsWhatDesignMdShows() {
    Run run = dst(DesignSession.script(TestFiles.SCHEMA_FILE), "shell");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(DesignSession.OUTPUT);
    assertThat(run.status()).isZero();
  }

  @Test
  void aScriptFileRunsWithDashF(@TempDir Path dir) throws IOException {
    Path script = dir.resolve("script.dst");
    Files.writeString(script, DesignSession.script(TestFiles.SCHEMA_FILE));
    Run run = dst("", "shell", "-f", script.toString());
    assertThat(run.out()).isEqualTo(DesignSession.OUTPUT);
    assertThat(run.status()).isZero();
  }

  @Test
  void sqlSpansLinesUntilItsSemicolonAndPrintsAnAlignedTable() {
    Run run = dst("""
        CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER);
        INSERT INTO t
          VALUES ('a', 1), ('bb', 22);
        SELECT id, n
          FROM t
          ORDER BY id;
        """, "shell");
    assertThat(run.out()).isEqualTo("""
        "ok"
        2 rows affected
          id    n
          "a"   1
          "bb"  22
        """);
  }

  @Test
  void errorsPrintTheirMessageWithoutAStackTraceAndTheShellCarriesOn() {
    Run run = dst("""
        SELECT * FROM missing;
        str.put "k" "v"
        nosuch.verb
        str.get "k"
        """, "shell");
    assertThat(run.out()).isEqualTo("\"ok\"\n\"v\"\n");
    assertThat(run.err()).contains("Error: ").contains("missing").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.status()).as("a failed statement makes the exit status non-zero").isEqualTo(1);
  }

  @Test
  void exitLeavesBeforeTheRestOfTheInput() {
    Run run = dst("str.put \"k\" \"v\"\nexit\nstr.get \"k\"\n", "shell");
    assertThat(run.out()).isEqualTo("\"ok\"\n");
    assertThat(run.status()).isZero();
  }

  @Test
  void pipedInputHasNoPromptsOrTimings() {
    Run run = dst("str.put \"k\" \"v\"\n", "shell");
    assertThat(run.out()).doesNotContain("dst>").doesNotContain(" ms)");
  }

  @Test
  void aNamedDatabaseUrlIsUsedAndAnUnreachableClusterFailsToConnect() {
    assertThat(dst("str.put \"k\" \"v\"\n", "shell", "jdbc:dst:mem:cli").out()).isEqualTo("\"ok\"\n");
    Run cluster = dst("", "shell", "jdbc:dst://127.0.0.1:1/c?connectTimeout=1");
    assertThat(cluster.status()).isEqualTo(2);
    assertThat(cluster.err()).contains("cannot connect to cluster c");
  }

  @Test
  void helpListsTheSubcommands() {
    Run run = dst("", "--help");
    assertThat(run.out()).contains("shell").contains("sql");
    assertThat(run.status()).isZero();
  }
}
