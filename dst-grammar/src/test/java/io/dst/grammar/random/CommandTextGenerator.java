package io.dst.grammar.random;

import java.util.Locale;
import java.util.Random;

/**
 * Generates valid command texts with random surface variation: keyword case, call or space form,
 * optional commas, comments, line breaks, string escapes, literal forms and nested conditions.
 * Seeded, so a failing case can be replayed.
 */
public final class CommandTextGenerator {
  private static final String[] VERBS_AS_NAMES = {"list", "add", "keys", "query", "put", "get", "update"};
  private static final String[] OPS = {"==", "!=", "<", "<=", ">", ">="};
  private static final String NAME_START = "abcdefghijklmnopqrstuvwxyz_";
  private static final String NAME_REST = NAME_START + "0123456789";

  private final Random random;

  public CommandTextGenerator(Random random) {
    this.random = random;
  }

  /** One valid command, possibly with leading comments or whitespace and a trailing semicolon. */
  public String command() {
    StringBuilder out = new StringBuilder();
    if (chance(10)) {
      out.append(pick("  ", "\n", "// lead\n", "/* lead */ "));
    }
    out.append(commandBody());
    if (chance(10)) {
      out.append(pick(";", " ;", " // tail", "\n"));
    }
    return out.toString();
  }

  /** A kv command in the plain form the fast path accepts (lower case, spaces, no escapes). */
  public String plainKvCommand() {
    return switch (random.nextInt(9)) {
      case 7 -> "dict.put " + plainString() + plainStrings(2 * (1 + random.nextInt(3)));
      case 8 -> "dict.del " + plainString() + plainStrings(random.nextInt(3));
      case 0 -> "str.get " + plainString();
      case 1 -> "str.put " + plainString() + " " + plainString();
      case 2 -> "str.del " + plainString();
      case 3 -> "str.exists " + plainString();
      case 4 -> "dict.get " + plainString();
      case 5 -> "dict.get " + plainString() + " " + plainString();
      default -> "dict.keys " + plainString();
    } + (chance(5) ? "  " : "");
  }

  private String commandBody() {
    return switch (random.nextInt(17)) {
      case 0 -> kw("str") + "." + kw("put") + args(string(), string());
      case 1 -> kw("str") + "." + kw("get") + args(string());
      case 2 -> kw("str") + "." + kw("del") + args(string());
      case 3 -> kw("str") + "." + kw("exists") + args(string());
      case 4 -> kw("dict") + "." + kw("put") + args(dictPutArgs());
      case 5 -> kw("dict") + "." + kw("get") + (chance(2) ? args(string()) : args(string(), string()));
      case 6 -> kw("dict") + "." + kw("del") + args(strings(1 + random.nextInt(4)));
      case 7 -> kw("dict") + "." + kw("keys") + args(string());
      case 8 -> kw("table") + "." + kw("create") + " " + tableList() + ws() + kw("from") + " " + schemaFile();
      case 9 -> kw("table") + "." + kw("drop") + (chance(3) ? "(" + name() + ")" : " " + name());
      case 10 -> kw("table") + "." + kw("list") + (chance(3) ? "()" : "");
      case 11 -> kw("table") + "." + kw("desc") + (chance(3) ? "(" + name() + ")" : " " + name());
      case 12 -> name() + "." + kw("add") + args(literals(1 + random.nextInt(6)));
      case 13 -> name() + "." + kw("query") + ws() + query();
      case 14 -> name() + "." + kw("delete") + ws() + kw("when") + ws() + condition(3);
      case 15 -> name() + "." + kw("update") + ws() + kw("set") + ws() + assignments() + ws() + kw("when") + ws() + condition(3);
      default -> kw("table") + "." + kw("load") + " " + name() + ws() + kw("from") + " " + string();
    };
  }

  private String args(String... values) {
    if (chance(3)) {
      return "(" + String.join(chance(2) ? ", " : " ", values) + ")";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      out.append(i > 0 && chance(2) ? "," : "").append(ws()).append(values[i]);
    }
    return out.toString();
  }

  private String[] strings(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = string();
    }
    return out;
  }

  private String[] dictPutArgs() {
    return strings(1 + 2 * (1 + random.nextInt(3)));
  }

  private String[] literals(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = literal(true);
    }
    return out;
  }

  private String tableList() {
    int n = 1 + random.nextInt(3);
    StringBuilder out = new StringBuilder(name());
    for (int i = 1; i < n; i++) {
      out.append(chance(2) ? ", " : " ").append(name());
    }
    return out.toString();
  }

  private String schemaFile() {
    return switch (random.nextInt(4)) {
      case 0 -> "mytables.sc";
      case 1 -> "../schemas/t-" + random.nextInt(100) + ".SC";
      case 2 -> "/tmp/dir.v2/x_y.sc";
      default -> string();
    };
  }

  private String query() {
    StringBuilder out = new StringBuilder();
    if (chance(3)) {
      out.append("(*)");
    } else {
      out.append('(').append(name());
      int n = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        out.append(", ").append(name());
      }
      out.append(')');
    }
    if (chance(2)) {
      out.append(ws()).append(kw("when")).append(ws()).append(condition(3));
    }
    if (chance(3)) {
      out.append(ws()).append(kw("order")).append(' ').append(kw("by")).append(' ').append(orderItem());
      int n = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        out.append(", ").append(orderItem());
      }
    }
    if (chance(3)) {
      out.append(ws()).append(kw("limit")).append(' ').append(random.nextInt(1000));
    }
    return out.toString();
  }

  private String orderItem() {
    return name() + (chance(3) ? " " + kw("desc") : chance(2) ? " " + kw("asc") : "");
  }

  private String assignments() {
    int n = 1 + random.nextInt(3);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i > 0 ? ", " : "").append(name()).append(chance(2) ? " = " : "=").append(literal(true));
    }
    return out.toString();
  }

  /** A condition; depth bounds nesting of and/or/not/parentheses. */
  public String condition(int depth) {
    int choice = depth <= 0 ? random.nextInt(4) : random.nextInt(8);
    return switch (choice) {
      case 0 -> name() + ws() + pick(OPS) + ws() + nonNullLiteral();
      case 1 -> nonNullLiteral() + ws() + pick(OPS) + ws() + name();
      case 2 -> name() + (chance(3) ? " " + kw("not") : "") + " " + kw("in") + " " + inList();
      case 3 -> name() + " " + kw("is") + (chance(2) ? " " + kw("not") : "") + " " + kw("null");
      case 4 -> condition(depth - 1) + ws() + kw("and") + ws() + condition(depth - 1);
      case 5 -> condition(depth - 1) + ws() + kw("or") + ws() + condition(depth - 1);
      case 6 -> kw("not") + ws() + condition(depth - 1);
      default -> "(" + condition(depth - 1) + ")";
    };
  }

  private String inList() {
    int n = random.nextInt(4);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      out.append(i > 0 ? ", " : "").append(scalar());
    }
    return out.append(']').toString();
  }

  private String nonNullLiteral() {
    String literal;
    do {
      literal = literal(true);
    } while (literal.equalsIgnoreCase("null"));
    return literal;
  }

  private String literal(boolean arraysAllowed) {
    if (arraysAllowed && chance(8)) {
      return inList();
    }
    return scalar();
  }

  private String scalar() {
    return switch (random.nextInt(8)) {
      case 0, 1 -> string();
      case 2 -> Long.toString(pick(0L, 1L, -1L, 42L, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong(), (long) random.nextInt(100)));
      case 3 -> decimal();
      case 4 -> kw(pick("true", "false"));
      case 5 -> kw("null");
      default -> Integer.toString(random.nextInt(10_000) - 5_000);
    };
  }

  private String decimal() {
    return switch (random.nextInt(4)) {
      case 0 -> Double.toString(random.nextDouble() * 1000 - 500);
      case 1 -> Double.toString(pick(0.0, -0.0, 1.5, 1e-300, Double.MAX_VALUE, Double.MIN_VALUE));
      case 2 -> random.nextInt(100) + "e" + (random.nextInt(20) - 10);
      default -> (random.nextInt(200) - 100) + "." + random.nextInt(1000) + (chance(2) ? "E+" + random.nextInt(5) : "");
    };
  }

  /** A quoted string with a mix of plain text, unicode and escapes. */
  private String string() {
    int n = random.nextInt(8);
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(12)) {
        case 0 -> out.append(pick("\\\"", "\\\\", "\\n", "\\t", "\\r", "\\/", "\\b", "\\f"));
        case 1 -> out.append(String.format(Locale.ROOT, "\\u%04x", random.nextInt(0xd800)));
        case 2 -> out.append(pick("é", "日本", "\uD83D\uDE00", " ", "'", "//", "/*", ";", ",", "(", "]"));
        default -> out.append((char) ('a' + random.nextInt(26)));
      }
    }
    return out.append('"').toString();
  }

  private String plainStrings(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(' ').append(plainString());
    }
    return out.toString();
  }

  private String plainString() {
    int n = random.nextInt(10);
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < n; i++) {
      out.append(chance(10) ? pick(" ", "é", "日", ":", "'") : String.valueOf((char) ('a' + random.nextInt(26))));
    }
    return out.append('"').toString();
  }

  /** A table or column name in random case: an identifier, or a verb that may serve as a name. */
  private String name() {
    if (chance(12)) {
      return randomCase(pick(VERBS_AS_NAMES));
    }
    String name;
    do {
      StringBuilder out = new StringBuilder().append(NAME_START.charAt(random.nextInt(NAME_START.length())));
      int n = random.nextInt(8);
      for (int i = 0; i < n; i++) {
        out.append(NAME_REST.charAt(random.nextInt(NAME_REST.length())));
      }
      name = out.toString();
    } while (isReserved(name));
    return chance(4) ? randomCase(name) : name;
  }

  private static boolean isReserved(String name) {
    return switch (name) {
      case "str", "dict", "table", "and", "or", "not", "in", "is", "null", "true", "false", "from",
          "when", "order", "by", "asc", "desc", "limit", "set" -> true;
      default -> false;
    };
  }

  private String kw(String keyword) {
    return chance(4) ? randomCase(keyword) : keyword;
  }

  private String randomCase(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (char c : word.toCharArray()) {
      out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  private String ws() {
    return switch (random.nextInt(12)) {
      case 0 -> "  ";
      case 1 -> "\n  ";
      case 2 -> " /* note */ ";
      case 3 -> " // note\n";
      case 4 -> "\t";
      default -> " ";
    };
  }

  private boolean chance(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
