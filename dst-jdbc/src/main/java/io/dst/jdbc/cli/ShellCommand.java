package io.dst.jdbc.cli;

import io.dst.jdbc.shell.LineSource;
import io.dst.jdbc.shell.ReaderLineSource;
import io.dst.jdbc.shell.Shell;
import io.dst.jdbc.shell.TerminalLineSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dst shell [URL] [-f script.dst]}: the Dst shell. At a terminal it is interactive (JLine);
 * with {@code -f} or piped stdin it runs the statements without prompts or timings and exits
 * non-zero if any failed.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = "Run commands and SQL interactively, from a script (-f) or from piped stdin.")
final class ShellCommand implements Callable<Integer> {
  static final int STATEMENT_FAILED = 1;
  static final int CANNOT_CONNECT = 2;

  @ParentCommand
  DstCli cli;

  @Parameters(index = "0", arity = "0..1", defaultValue = "jdbc:dst:mem:", paramLabel = "URL",
      description = "JDBC URL (default: ${DEFAULT-VALUE}, a private in-process database).")
  String url;

  @Option(names = {"-f", "--file"}, paramLabel = "SCRIPT", description = "Run this script and exit.")
  Path script;

  @Option(names = {"-u", "--user"}, description = "User name for the connection.")
  String user;

  @Option(names = {"-p", "--password"}, description = "Password for the connection.", arity = "0..1",
      interactive = false)
  String password;

  @Option(names = "--history", paramLabel = "FILE", description = "History file (default: ~/.dst_history).")
  Path history = Path.of(System.getProperty("user.home"), ".dst_history");

  @Override
  public Integer call() throws IOException {
    PrintWriter err = new PrintWriter(cli.err, true, StandardCharsets.UTF_8);
    Connection connection;
    try {
      connection = connect();
    } catch (SQLException e) {
      err.println("Error: " + e.getMessage());
      return CANNOT_CONNECT;
    }
    try (connection) {
      if (script == null && cli.atTerminal()) {
        try (TerminalLineSource terminal = TerminalLineSource.open(connection, history)) {
          Shell shell = new Shell(connection, terminal, terminal.writer(), terminal.writer());
          terminal.onInterrupt(shell::cancelRunning);
          shell.run();
          return 0;
        }
      }
      PrintWriter out = new PrintWriter(cli.out, true, StandardCharsets.UTF_8);
      try (LineSource source = new ReaderLineSource(script != null
          ? Files.newBufferedReader(script, StandardCharsets.UTF_8)
          : new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8)))) {
        boolean ok = new Shell(connection, source, out, err).run();
        return ok ? 0 : STATEMENT_FAILED;
      }
    } catch (SQLException e) {
      err.println("Error: " + e.getMessage());
      return STATEMENT_FAILED;
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    Connection c = DriverManager.getConnection(url, props);
    if (c == null) {
      throw new SQLException("no driver for " + url);
    }
    return c;
  }
}
