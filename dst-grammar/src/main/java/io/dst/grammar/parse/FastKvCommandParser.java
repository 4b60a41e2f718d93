package io.dst.grammar.parse;

import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.DictDel;
import io.dst.grammar.ast.DictEntry;
import io.dst.grammar.ast.DictGet;
import io.dst.grammar.ast.DictKeys;
import io.dst.grammar.ast.DictPut;
import io.dst.grammar.ast.SourcePosition;
import io.dst.grammar.ast.StrDel;
import io.dst.grammar.ast.StrExists;
import io.dst.grammar.ast.StrGet;
import io.dst.grammar.ast.StrPut;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written parser for the hottest, simplest commands: every {@code str.*} and {@code dict.*}
 * command written in lower case, space form, with plain spaces and strings without escapes.
 * Anything else, including every error, returns null and goes to the ANTLR parser, which builds the
 * identical AST (a test checks this over the random command generator).
 */
final class FastKvCommandParser {
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
    List<String> args = new ArrayList<>(4);
    while (true) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i == n) {
        break;
      }
      if (text.charAt(i) != '"') {
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
      args.add(text.substring(start, i++));
    }
    String verb = text.substring(verbStart, verbEnd);
    return str ? strCommand(verb, args) : dictCommand(verb, args);
  }

  private static Command strCommand(String verb, List<String> args) {
    SourcePosition at = SourcePosition.START;
    if (args.size() == 1) {
      return switch (verb) {
        case "get" -> new StrGet(args.get(0), at);
        case "del" -> new StrDel(args.get(0), at);
        case "exists" -> new StrExists(args.get(0), at);
        default -> null;
      };
    }
    return args.size() == 2 && verb.equals("put") ? new StrPut(args.get(0), args.get(1), at) : null;
  }

  private static Command dictCommand(String verb, List<String> args) {
    SourcePosition at = SourcePosition.START;
    int n = args.size();
    switch (verb) {
      case "get":
        return n == 1 ? new DictGet(args.get(0), Optional.empty(), at)
            : n == 2 ? new DictGet(args.get(0), Optional.of(args.get(1)), at) : null;
      case "keys":
        return n == 1 ? new DictKeys(args.get(0), at) : null;
      case "del":
        return n >= 1 ? new DictDel(args.get(0), args.subList(1, n), at) : null;
      case "put":
        if (n < 3 || n % 2 == 0) {
          return null;
        }
        List<DictEntry> entries = new ArrayList<>(n / 2);
        for (int i = 1; i < n; i += 2) {
          entries.add(new DictEntry(args.get(i), args.get(i + 1)));
        }
        return new DictPut(args.get(0), entries, at);
      default:
        return null;
    }
  }
}
