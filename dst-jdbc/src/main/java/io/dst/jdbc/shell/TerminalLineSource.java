package io.dst.jdbc.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A JLine 3 terminal: line editing, history in {@code ~/.dst_history}, multi-line entries (see
 * {@link DstLineParser}) and completion of commands, tables and columns. Ctrl-C clears the entry
 * being typed, or cancels the running statement; Ctrl-D leaves.
 */
public final class TerminalLineSource implements LineSource {
  public static final String PROMPT = "dst> ";
  public static final String CONTINUATION_PROMPT = "...> ";

  private final Terminal terminal;
  private final LineReader reader;

  private TerminalLineSource(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  public static TerminalLineSource open(Connection connection, Path historyFile) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).name("dst").build();
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("dst")
        .parser(new DstLineParser())
        .completer(new DstCompleter(connection))
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .build();
    return new TerminalLineSource(terminal, reader);
  }

  /** Where the shell writes when a person is at the terminal. */
  public PrintWriter writer() {
    return terminal.writer();
  }

  /** Runs {@code action} when Ctrl-C arrives while a statement is running (not while typing). */
  public void onInterrupt(Runnable action) {
    terminal.handle(Terminal.Signal.INT, signal -> action.run());
  }

  @Override
  public String readLine(boolean continuation) {
    try {
      return reader.readLine(PROMPT);
    } catch (UserInterruptException e) {
      return "";
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.getHistory().save();
    } finally {
      terminal.close();
    }
  }
}
