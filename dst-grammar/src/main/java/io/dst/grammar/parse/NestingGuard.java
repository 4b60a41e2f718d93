package io.dst.grammar.parse;

import io.dst.grammar.ParseException;

/**
 * Refuses input nested deeper than {@link #MAX_DEPTH} parentheses or brackets before ANTLR sees it.
 * ANTLR's parser and the AST builders recurse once per nesting level, so a hostile or generated
 * command with thousands of {@code (} would otherwise end in a StackOverflowError instead of a parse
 * error. Quoted strings and comments are skipped, the same way the lexer skips them.
 */
final class NestingGuard {
  static final int MAX_DEPTH = 128;

  private NestingGuard() {}

  static void check(String text, String sourceName) {
    int depth = 0;
    int line = 1;
    int column = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        // Skip the string literal, honouring backslash escapes; an unterminated one ends at the line.
        int j = i + 1;
        while (j < n && text.charAt(j) != '"' && text.charAt(j) != '\n') {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        // Stop on the closing quote, or just before the new line that ends an unterminated string
        // so that the line is still counted below.
        int last = j < n && text.charAt(j) == '"' ? j : Math.min(j, n) - 1;
        column += last - i + 1;
        i = last;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i + 1 < n && text.charAt(i + 1) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        for (int k = i; k < stop; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            column = 1;
          } else {
            column++;
          }
        }
        i = stop - 1;
        continue;
      }
      if (c == '(' || c == '[') {
        if (++depth > MAX_DEPTH) {
          throw new ParseException(sourceName, line, column,
              "unexpected '" + c + "': parentheses and brackets nest deeper than " + MAX_DEPTH
                  + " levels");
        }
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }
}
