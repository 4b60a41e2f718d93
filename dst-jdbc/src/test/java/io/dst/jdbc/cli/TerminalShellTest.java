package io.dst.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person at a terminal: the shell runs in a tmux pseudo-terminal, keys are sent with send-keys and
 * the screen is read with capture-pane. Skipped where tmux is not installed.
 */
class TerminalShellTest {
  static final long WAIT_MILLIS = 60_000;

  final String socket = "dst-test-" + ProcessHandle.current().pid();

  @BeforeEach
  void needsTmux() {
    assumeTrue(tmuxWorks(), "tmux is not installed");
  }

  @AfterEach
  void killTmux() throws Exception {
    if (tmuxWorks()) {
      tmux("kill-server");
    }
  }

  @Test
  void thePromptAppearsTabCompletesAndStatementsRunWithTimings(@TempDir Path home) throws Exception {
    String command = ChildProcess.command(List.of("-Duser.home=" + home), "shell").stream()
        .map(TerminalShellTest::shellQuote).collect(Collectors.joining(" "));
    tmux("new-session", "-d", "-s", "dst", "-x", "160", "-y", "50",
        "-c", CliProcessTest.SCHEMA_DIR.toString(), command);
    awaitScreen(s -> s.lines().anyMatch(l -> l.startsWith("dst>")), "the prompt");

    keys("table.create task_table driver_table from mytables.sc", "Enter");
    awaitScreen(s -> s.contains("\"ok\"") && s.contains(" ms)"), "the create's answer and its timing");

    keys("str.p", "Tab");
    awaitScreen(s -> s.contains("dst> str.put"), "str.p completed to str.put");
    keys("\"k1\" \"v1\"", "Enter");
    awaitScreen(s -> count(s, "\"ok\"") == 2, "the put's answer");

    keys("task_t", "Tab");
    awaitScreen(s -> s.contains("dst> task_table.") && s.contains("task_table.query"),
        "task_t completed to the table name and its verbs listed");
    keys("query (*) when driv", "Tab");
    awaitScreen(s -> s.contains("when driver_id"), "driv completed to task_table's column driver_id");
    keys("== \"22222\"", "Enter");
    awaitScreen(s -> s.contains("task_id  driver_id"), "the query's table header");

    keys("SELECT count(*)", "Enter");
    awaitScreen(s -> s.lines().anyMatch(l -> l.startsWith("...>")), "a continuation prompt for unfinished SQL");
    keys("FROM task_table;", "Enter");
    awaitScreen(s -> s.lines().anyMatch(l -> l.strip().equals("count")), "the SQL result");

    keys("exit", "Enter");
    awaitScreen(s -> s == null, "the shell to exit");
    assertThat(Files.readString(home.resolve(".dst_history"))).contains("str.put \"k1\" \"v1\"");
  }

  private void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "dst"));
    for (String k : keys) {
      if (k.equals("Enter") || k.equals("Tab")) {
        args.add(k);
      } else {
        args.add("-l");
        // tmux reads an argument's trailing ; as a command separator unless escaped
        args.add(k.endsWith(";") ? k.substring(0, k.length() - 1) + "\\;" : k);
        tmux(args.toArray(String[]::new));
        args = new ArrayList<>(List.of("send-keys", "-t", "dst"));
      }
    }
    if (args.size() > 3) {
      tmux(args.toArray(String[]::new));
    }
  }

  /**
   * Polls the screen until {@code done} holds; the screen is null once the session has ended.
   * (capture-pane drops trailing spaces, so a bare prompt reads as {@code dst>}.)
   */
  private void awaitScreen(Predicate<String> done, String what) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String screen = null;
    while (System.currentTimeMillis() < deadline) {
      screen = capture();
      if (done.test(screen)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("waited for " + what + "; the screen shows:\n" + screen);
  }

  private String capture() throws Exception {
    Process p = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-t", "dst").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0 ? out : null;
  }

  private String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static int count(String s, String part) {
    return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  private static boolean tmuxWorks() {
    try {
      return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
