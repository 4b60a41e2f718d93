package io.dst.grammar.random;

import java.util.Random;

/** Breaks valid texts in small random ways: deletes, inserts, swaps, truncates, duplicates. */
public final class Mutator {
  private static final String[] INSERTS = {"\"", "\\", "(", ")", "[", "]", "{", "}", ",", ";", ".", "*", "/", "/*",
      "*/", "=", "==", "<", "!", "-", "e", "x", "0", "9", " ", "\n", "\t", "é", "\u0000", "\uD83D", "when", "and",
      "not", "null", "[p]", ":", "table", "str.", "\\u", "#", "$"};

  private final Random random;

  public Mutator(Random random) {
    this.random = random;
  }

  public String mutate(String text) {
    String out = text;
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      out = edit(out);
    }
    return out;
  }

  private String edit(String text) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    switch (random.nextInt(5)) {
      case 0: // delete a span
        if (!text.isEmpty()) {
          int from = Math.min(at, text.length() - 1);
          int to = Math.min(text.length(), from + 1 + random.nextInt(4));
          return text.substring(0, from) + text.substring(to);
        }
        return text;
      case 1: // insert something interesting
        return text.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(at);
      case 2: // truncate
        return text.substring(0, at);
      case 3: // duplicate a span
        int end = Math.min(text.length(), at + random.nextInt(8));
        return text.substring(0, end) + text.substring(at, end) + text.substring(end);
      default: // replace one char by a random one
        if (text.isEmpty()) {
          return text;
        }
        int i = Math.min(at, text.length() - 1);
        return text.substring(0, i) + (char) random.nextInt(0x250) + text.substring(i + 1);
    }
  }
}
