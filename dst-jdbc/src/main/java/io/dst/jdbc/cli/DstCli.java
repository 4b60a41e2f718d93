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
 * {@link SqlCommand}); add new ones to {@code subcommands} below. Streams are injectable so tests
 * can drive the CLI in-process.
 */
@Command(name = "dst", mixinStandardHelpOptions = true, versionProvider = DstCli.Version.class,
    description = "Dst: a highly available in-memory store with tables, SQL and JDBC.",
    subcommands = {LocalCommand.class, ShellCommand.class, SqlCommand.class, NodeCommand.class,
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
    quietLogging();
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

  /** Library INFO logs are noise in a shell; users can still turn them on with the same property. */
  static void quietLogging() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  /** The version picocli prints for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dst " + io.dst.jdbc.DstDriver.VERSION};
    }
  }
}
