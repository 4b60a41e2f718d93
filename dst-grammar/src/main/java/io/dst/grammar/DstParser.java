package io.dst.grammar;

import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.SchemaFile;
import io.dst.grammar.parse.CommandParsing;
import io.dst.grammar.parse.SchemaParsing;
import java.util.List;
import java.util.Objects;

/**
 * Entry point of the command language and the `.sc` schema language: text in, typed AST out, or a
 * {@link ParseException} whose message says where and what was wrong. Thread-safe.
 */
public final class DstParser {
  private DstParser() {}

  /** Parses exactly one command; a trailing {@code ;} is allowed. */
  public static Command parseCommand(String text) {
    return CommandParsing.parseCommand(Objects.requireNonNull(text, "text"));
  }

  /** Parses commands separated by {@code ;} or new lines; an empty script gives an empty list. */
  public static List<Command> parseScript(String text) {
    return CommandParsing.parseScript(Objects.requireNonNull(text, "text"));
  }

  /** Parses a `.sc` file; sourceName (usually the file name) prefixes error messages. */
  public static SchemaFile parseSchema(String text, String sourceName) {
    return SchemaParsing.parse(Objects.requireNonNull(text, "text"), Objects.requireNonNull(sourceName, "sourceName"));
  }
}
