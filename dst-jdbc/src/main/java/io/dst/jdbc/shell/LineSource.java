package io.dst.jdbc.shell;

import java.io.IOException;

/** Where the shell's input comes from: a terminal with line editing, or a script or pipe. */
public interface LineSource extends AutoCloseable {
  /**
   * The next input: one line from a pipe, or from a terminal a whole (possibly multi-line) entry.
   * Null at the end of input (Ctrl-D). {@code continuation} says a statement is still open.
   */
  String readLine(boolean continuation) throws IOException;

  /** True for a person at a terminal: prompts, timings and a friendlier error flow. */
  boolean interactive();

  @Override
  default void close() throws IOException {}
}
