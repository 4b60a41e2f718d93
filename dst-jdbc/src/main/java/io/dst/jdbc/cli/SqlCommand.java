package io.dst.jdbc.cli;

import io.dst.jdbc.DstDriver;
import java.io.IOException;
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
 * (for example {@code --outputformat=csv} or {@code -e "SELECT 1"}) pass through.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "The SQL console (sqlline); extra options go to sqlline.")
final class SqlCommand implements Callable<Integer> {
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
    List<String> args = new ArrayList<>(List.of("-d", DstDriver.class.getName(), "-u", url, "-n", user,
        "-p", password));
    if (script != null) {
      args.add("--run=" + script);
    }
    args.addAll(sqllineOptions);
    SqlLine.Status status = SqlLine.start(args.toArray(String[]::new), cli.atTerminal() ? null : cli.in, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }
}
