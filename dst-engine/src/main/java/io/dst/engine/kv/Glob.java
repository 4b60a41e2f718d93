package io.dst.engine.kv;

import java.util.regex.Pattern;

/** Redis-style glob patterns ({@code *}, {@code ?}, {@code [abc]}, {@code [^a]}, backslash escapes). */
public final class Glob {
  private Glob() {}

  public static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          } else {
            re.append("\\\\");
          }
        }
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            boolean negate = body.startsWith("^") || body.startsWith("!");
            if (negate) {
              body = body.substring(1);
            }
            re.append('[').append(negate ? "^" : "").append(body.replace("\\", "\\\\").replace("[", "\\["))
                .append(']');
            i = end;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
