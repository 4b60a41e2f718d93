package io.dst.grammar;

/**
 * Bad input for the command language or a `.sc` file. The message is one sentence that names the
 * line, the column, the offending token and what was expected, e.g.
 * {@code line 1:9: unexpected ',' after "k1"; expected a quoted string}; for a schema file it starts
 * with the file name. Lines and columns are 1-based. It carries no stack trace: the cause is the input,
 * not the code.
 */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final int line;
  private final int column;
  private final String reason;

  /**
   * @param sourceName the file the text came from, or null for a command typed or sent by a client
   * @param reason what was wrong, without the position prefix
   */
  public ParseException(String sourceName, int line, int column, String reason) {
    super(format(sourceName, line, column, reason), null, false, false);
    this.sourceName = sourceName;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public ParseException(int line, int column, String reason) {
    this(null, line, column, reason);
  }

  private static String format(String sourceName, int line, int column, String reason) {
    String where = "line " + line + ":" + column + ": " + reason;
    return sourceName == null ? where : sourceName + ", " + where;
  }

  /** 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending token. */
  public int column() {
    return column;
  }

  /** The file name given to {@link DstParser#parseSchema}, or null for commands. */
  public String sourceName() {
    return sourceName;
  }

  /** The message without the "line L:C: " prefix. */
  public String reason() {
    return reason;
  }
}
