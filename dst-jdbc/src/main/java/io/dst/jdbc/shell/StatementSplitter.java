package io.dst.jdbc.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts shell input into statements. SQL ends at a {@code ;}; a command ({@code str.put ...},
 * {@code task_table.query ...}) or a shell word ({@code exit}, {@code help}) also ends at the end of
 * its line. Quotes ({@code '...'}, {@code "..."} with backslash escapes) and open brackets keep a
 * statement going; {@code --} comments and lines starting with {@code #} are dropped.
 */
public final class StatementSplitter {
  private static final Pattern COMMAND_HEAD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*\\.\\s*[A-Za-z_].*",
      Pattern.DOTALL);
  static final Set<String> SHELL_WORDS = Set.of("exit", "quit", "help");

  /** Complete statements, in order, and the unfinished text after them. */
  public record Split(List<String> statements, String remainder) {
    public boolean complete() {
      return remainder.isBlank();
    }
  }

  private StatementSplitter() {}

  /** True when {@code text} is one whole command or shell word, so the end of the line ends it. */
  public static boolean endsAtLineEnd(String statement) {
    String s = statement.strip();
    if (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return COMMAND_HEAD.matcher(s).matches() || SHELL_WORDS.contains(s.toLowerCase(Locale.ROOT));
  }

  /**
   * Splits {@code text}; the end of {@code text} counts as the end of a line (input arrives in whole
   * lines), so a command at the end is complete while SQL without {@code ;} is not.
   */
  public static Split split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    int depth = 0;
    int i = 0;
    int n = text.length();
    boolean lineStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == '\\' && quote == '"' && i + 1 < n) {
          current.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        i++;
        continue;
      }
      if (lineStart && current.toString().isBlank() && isHashComment(text, i)) {
        i = skipToLineEnd(text, i);
        continue;
      }
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        i = skipToLineEnd(text, i);
        continue;
      }
      lineStart = false;
      if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        current.append(c);
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
        current.append(c);
      } else if (c == ';') {
        emit(out, current);
        depth = 0;
      } else if (c == '\n') {
        lineStart = true;
        if (depth == 0 && endsAtLineEnd(current.toString())) {
          emit(out, current);
        } else {
          current.append(c);
        }
      } else {
        current.append(c);
      }
      i++;
    }
    if (quote == 0 && depth == 0 && endsAtLineEnd(current.toString())) {
      emit(out, current);
    }
    return new Split(List.copyOf(out), current.toString());
  }

  private static boolean isHashComment(String text, int i) {
    int j = i;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    return j < text.length() && text.charAt(j) == '#';
  }

  private static int skipToLineEnd(String text, int i) {
    int nl = text.indexOf('\n', i);
    return nl < 0 ? text.length() : nl;
  }

  private static void emit(List<String> out, StringBuilder current) {
    String s = current.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    current.setLength(0);
  }
}
