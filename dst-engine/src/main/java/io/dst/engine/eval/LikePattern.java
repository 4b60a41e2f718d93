package io.dst.engine.eval;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.regex.Pattern;

/** SQL LIKE compiled to a regular expression: {@code %} any run, {@code _} one character. */
public final class LikePattern {
  private LikePattern() {}

  /** The regex for a LIKE pattern with an optional escape character (0 when none). */
  public static Pattern compile(String like, char escape) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (escape != 0 && c == escape) {
        if (i + 1 >= like.length()) {
          throw new DstException(ErrorCode.INVALID_ARGUMENT,
              "LIKE pattern \"" + like + "\" ends with its escape character '" + escape + "'");
        }
        literal.append(like.charAt(++i));
        continue;
      }
      if (c == '%' || c == '_') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
