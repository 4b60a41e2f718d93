package io.dst.grammar.parse;

import org.antlr.v4.runtime.Token;

/**
 * Resolves the escapes of a quoted string token: {@code \" \\ \/ \n \t \r \b \f \u0041}. Any other
 * escape is an error that points at the backslash, because silently keeping it would store a value
 * the user did not mean.
 */
final class StringLiteralDecoder {
  static final String VALID_ESCAPES = "\\\", \\\\, \\/, \\n, \\t, \\r, \\b, \\f or \\uXXXX";

  private StringLiteralDecoder() {}

  static String decode(Token token, SourceText source) {
    String text = token.getText();
    int end = text.length() - 1; // the closing quote
    if (text.indexOf('\\') < 0) {
      return text.substring(1, end);
    }
    StringBuilder out = new StringBuilder(end);
    for (int i = 1; i < end; i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = text.charAt(i + 1);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          int hexEnd = Math.min(i + 6, end);
          String hex = text.substring(i + 2, hexEnd);
          if (hex.length() < 4 || !hex.chars().allMatch(StringLiteralDecoder::isHexDigit)) {
            throw source.errorAt(token, text.codePointCount(0, i),
                "invalid escape '\\u" + hex + "' in string; \\u must be followed by 4 hex digits");
          }
          out.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default -> throw source.errorAt(token, text.codePointCount(0, i),
            "invalid escape '\\" + new String(Character.toChars(text.codePointAt(i + 1)))
                + "' in string; expected " + VALID_ESCAPES);
      }
      i++;
    }
    return out.toString();
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
