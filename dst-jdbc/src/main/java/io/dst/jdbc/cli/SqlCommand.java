package io.dst.jdbc.cli;

import io.dst.jdbc.DstDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;
import sqlline.SqlLine;

/**
 * {@code dst sql [URL]}: the SQL console, which is sqlline connected to Dst. sqlline's own options
 * (for example {@code --outputformat=csv}) pass through. Piped stdin runs as a script, because
 * sqlline reads a pipe as one unfinished entry.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "The SQL console (sqlline); extra options go to sqlline.")
final class SqlCommand implements Callable<Integer> {
  static final int PIPE_WIDTH = 1000;

  @ParentCommand
  DstCli cli;

  @Parameters(index = "0", arity = "0..1", defaultValue = "jdbc:dst:mem:", paramLabel = "URL",
      description = "JDBC URL (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(names = {"-f", "--file"}, paramLabel = "SCRIPT", description = "Run this SQL script and exit.")
  String script;

  @Option(names = {"-n", "--user"}, description = "User name for the connection.")
  String user = "";

  @Option(names = {"-p", "--password"}, description = "Password for the connection.")
  String password = "";

  @Unmatched
  List<String> sqllineOptions = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    // Dst has no transactions; without this sqlline asks for REPEATABLE_READ and prints a notice.
    List<String> args = new ArrayList<>(List.of("-d", DstDriver.class.getName(), "-u", url, "-n", user,
        "-p", password, "--isolation=TRANSACTION_NONE"));
    Path piped = null;
    boolean terminal = cli.atTerminal();
    if (!terminal) {
      // no terminal to size tables by: a dumb one (without JLine's warning) and a fixed width
      System.setProperty("org.jline.terminal.dumb", "true");
      args.add("--maxWidth=" + PIPE_WIDTH);
    }
    if (script != null) {
      args.add("--run=" + script);
    } else if (!terminal) {
      piped = Files.createTempFile("dst-sql", ".sql");
      Files.copy(cli.in, piped, StandardCopyOption.REPLACE_EXISTING);
      args.add("--run=" + piped);
    }
    args.addAll(sqllineOptions);
    try {
      SqlLine.Status status = SqlLine.start(args.toArray(String[]::new), null, terminal);
      return status == SqlLine.Status.OK ? 0 : 1;
    } finally {
      if (piped != null) {
        Files.deleteIfExists(piped);
      }
    }
  }
}
