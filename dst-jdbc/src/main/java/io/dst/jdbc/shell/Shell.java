package io.dst.jdbc.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Locale;

/**
 * The read-run-print loop: reads input from a {@link LineSource}, cuts it into statements, runs each
 * on the connection with a {@link StatementPrinter} and keeps going after errors. {@code exit},
 * {@code quit} or the end of input leave. The result says whether every statement succeeded.
 */
public final class Shell {
  private final Connection connection;
  private final LineSource source;
  private final PrintWriter out;
  private final StatementPrinter printer;

  public Shell(Connection connection, LineSource source, PrintWriter out, PrintWriter err) {
    this.connection = connection;
    this.source = source;
    this.out = out;
    this.printer = new StatementPrinter(connection, out, err, source.interactive());
  }

  /** Runs until the input ends or the user leaves; true when no statement failed. */
  public boolean run() throws IOException {
    if (source.interactive()) {
      out.println("Dst shell on " + url() + ". End SQL with ;  commands end with the line. "
          + "help for help, exit to leave.");
      out.flush();
    }
    boolean allOk = true;
    StringBuilder pending = new StringBuilder();
    String line;
    while ((line = source.readLine(pending.length() > 0)) != null) {
      pending.append(line).append('\n');
      StatementSplitter.Split split = StatementSplitter.split(pending.toString());
      pending.setLength(0);
      pending.append(split.remainder().isBlank() ? "" : split.remainder());
      for (String statement : split.statements()) {
        String word = bare(statement);
        if (word.equals("exit") || word.equals("quit")) {
          return allOk;
        }
        allOk &= word.equals("help") ? printHelp() : printer.run(statement);
      }
    }
    if (!pending.toString().isBlank()) {
      // input ended inside a statement (SQL without its ;): run what there is rather than drop it
      allOk &= printer.run(pending.toString().strip());
    }
    return allOk;
  }

  /** Cancels the statement now running, if any (Ctrl-C). */
  public void cancelRunning() {
    printer.cancel();
  }

  private static String bare(String statement) {
    String s = statement.strip().toLowerCase(Locale.ROOT);
    return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
  }

  private boolean printHelp() {
    out.print(ShellHelp.TEXT);
    out.flush();
    return true;
  }

  private String url() {
    try {
      return connection.getMetaData().getURL();
    } catch (Exception e) {
      return "Dst";
    }
  }
}
