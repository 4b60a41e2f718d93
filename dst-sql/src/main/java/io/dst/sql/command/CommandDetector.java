package io.dst.sql.command;

import java.util.regex.Pattern;

/**
 * Tells commands from SQL: a command starts with {@code identifier.identifier} ({@code str.put},
 * {@code task_table.query}), which no SQL statement does.
 */
public final class CommandDetector {
  private static final Pattern HEAD = Pattern.compile("^\\s*[A-Za-z_][A-Za-z_0-9]*\\s*\\.\\s*[A-Za-z_].*", Pattern.DOTALL);

  private CommandDetector() {}

  public static boolean isCommand(String text) {
    return HEAD.matcher(text).matches();
  }
}
