package io.dst.jdbc.meta;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern ({@code %} any run, {@code _} one character, {@code \} escapes),
 * matched without regard to case because Dst names are lower-case and unique regardless of case.
 * A null pattern matches everything.
 */
final class NamePattern {
  private final Pattern regex;

  private NamePattern(Pattern regex) {
    this.regex = regex;
  }

  static NamePattern of(String pattern) {
    if (pattern == null) {
      return new NamePattern(null);
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new NamePattern(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
  }

  boolean matches(String name) {
    return regex == null || (name != null && regex.matcher(name).matches());
  }

  /** For parameters that take a plain name, not a pattern: null matches all, else case-insensitive equality. */
  static boolean sameName(String wanted, String name) {
    return wanted == null || wanted.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
  }
}
