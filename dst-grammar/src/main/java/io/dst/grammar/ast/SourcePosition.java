package io.dst.grammar.ast;

/**
 * Where a node starts in its source text: 1-based line and 1-based column (counted in Unicode code
 * points), so later errors (unknown table, wrong type) can point at the command or column that caused
 * them.
 */
public record SourcePosition(int line, int column) {
  /** The start of a text; what the parser gives a command written on its own line. */
  public static final SourcePosition START = new SourcePosition(1, 1);

  @Override
  public String toString() {
    return "line " + line + ":" + column;
  }
}
