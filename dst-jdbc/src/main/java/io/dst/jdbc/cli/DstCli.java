package io.dst.jdbc.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bin/dst}: the entry point for people. One class per subcommand ({@link LocalCommand}, {@link ShellCommand}, {@link NodeCommand},
 * {@link SqlCommand}, {@link DumpCommand}, {@link LoadCommand},
 * {@link ImportCommand}, {@link AdminCommand}); add new ones to {@code subcommands} below. Streams are injectable so tests
 * can drive the CLI in-process.
 */
@Command(name = "dst", mixinStandardHelpOptions = true, versionProvider = DstCli.Version.class,
    description = "Dst: a highly available in-memory store with tables, SQL and JDBC.",
    subcommands = {LocalCommand.class, ShellCommand.class, SqlCommand.class, NodeCommand.class,
        DumpCommand.class, LoadCommand.class, ImportCommand.class, AdminCommand.class,
        CommandLine.HelpCommand.class})
public final class DstCli implements Runnable {
  final InputStream in;
  final PrintStream out;
  final PrintStream err;

  @Spec
  CommandSpec spec;

  public DstCli(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    configureLogging(args.length > 0 ? args[0] : "");
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the CLI with these streams and returns its exit status. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new DstCli(in, out, err));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cli.execute(args);
  }

  /** With no subcommand, say what there is. */
  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  /** True when a person is at a terminal on both ends of this process's own streams. */
  boolean atTerminal() {
    return in == System.in && out == System.out && System.console() != null;
  }

  /**
   * Chooses where logs go before any logger exists. A store node is a server: INFO on stderr, so an
   * operator can follow failovers. {@code local} runs nodes inside the shell's JVM, so their logs go
   * to {@link #LOCAL_LOG_FILE} instead of interleaving with results. Elsewhere library INFO logs are
   * noise. Users override any of this with the slf4j-simple system properties.
   */
  static void configureLogging(String subcommand) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") != null) {
      return;
    }
    switch (subcommand) {
      case "node" -> System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      case "local" -> {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.logFile", LOCAL_LOG_FILE.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
      }
      default -> System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  /** Where {@code dst local} writes the logs of its ZooKeeper and nodes. */
  static final java.nio.file.Path LOCAL_LOG_FILE =
      java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "dst-local.log");

  /** The version picocli prints for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dst " + io.dst.jdbc.DstDriver.VERSION};
    }
  }
}
