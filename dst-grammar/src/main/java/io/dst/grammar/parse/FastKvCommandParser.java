package io.dst.grammar.parse;

import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.DictGet;
import io.dst.grammar.ast.DictKeys;
import io.dst.grammar.ast.SourcePosition;
import io.dst.grammar.ast.StrDel;
import io.dst.grammar.ast.StrExists;
import io.dst.grammar.ast.StrGet;
import io.dst.grammar.ast.StrPut;
import java.util.Optional;

/**
 * A hand-written parser for the hottest, simplest commands ({@code str.get "k"}, {@code str.put "k" "v"},
 * {@code dict.get "d" "f"}, ...) written in lower case, with plain spaces and strings without escapes.
 * Anything else, including every error, returns null and goes to the ANTLR parser, which builds the
 * identical AST (a test checks this over the random command generator).
 */
final class FastKvCommandParser {
  private static final int MAX_ARGS = 2;

  private FastKvCommandParser() {}

  /** The command, or null when the text is not in the fast path's narrow form. */
  static Command tryParse(String text) {
    int n = text.length();
    int i;
    boolean str;
    if (text.startsWith("str.")) {
      i = 4;
      str = true;
    } else if (text.startsWith("dict.")) {
      i = 5;
      str = false;
    } else {
      return null;
    }
    int verbStart = i;
    while (i < n && text.charAt(i) >= 'a' && text.charAt(i) <= 'z') {
      i++;
    }
    int verbEnd = i;
    String[] args = new String[MAX_ARGS];
    int count = 0;
    while (true) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i == n) {
        break;
      }
      if (text.charAt(i) != '"' || count == MAX_ARGS) {
        return null;
      }
      int start = ++i;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '"') {
          break;
        }
        if (c == '\\' || c == '\n' || c == '\r') {
          return null;
        }
        i++;
      }
      if (i == n) {
        return null;
      }
      args[count++] = text.substring(start, i++);
    }
    String verb = text.substring(verbStart, verbEnd);
    return str ? strCommand(verb, args, count) : dictCommand(verb, args, count);
  }

  private static Command strCommand(String verb, String[] args, int count) {
    SourcePosition at = SourcePosition.START;
    if (count == 1) {
      return switch (verb) {
        case "get" -> new StrGet(args[0], at);
        case "del" -> new StrDel(args[0], at);
        case "exists" -> new StrExists(args[0], at);
        default -> null;
      };
    }
    return count == 2 && verb.equals("put") ? new StrPut(args[0], args[1], at) : null;
  }

  private static Command dictCommand(String verb, String[] args, int count) {
    SourcePosition at = SourcePosition.START;
    if (count == 1) {
      return switch (verb) {
        case "get" -> new DictGet(args[0], Optional.empty(), at);
        case "keys" -> new DictKeys(args[0], at);
        default -> null;
      };
    }
    return count == 2 && verb.equals("get") ? new DictGet(args[0], Optional.of(args[1]), at) : null;
  }
}
