package io.dst.grammar;

import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.SchemaFile;
import java.util.List;

/**
 * Entry point of the command language and the `.sc` schema language: text in, typed AST out, or a
 * {@link ParseException} whose message says where and what was wrong. Thread-safe.
 */
public final class DstParser {
  private DstParser() {}

  /** Parses exactly one command; a trailing {@code ;} is allowed. */
  public static Command parseCommand(String text) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Parses commands separated by {@code ;} or new lines; an empty script gives an empty list. */
  public static List<Command> parseScript(String text) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Parses a `.sc` file; sourceName (usually the file name) prefixes error messages. */
  public static SchemaFile parseSchema(String text, String sourceName) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
