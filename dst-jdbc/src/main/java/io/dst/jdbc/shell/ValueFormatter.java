package io.dst.jdbc.shell;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes values the way the command language reads them: strings in double quotes, arrays as
 * {@code ["1", "2"]}, dicts as {@code {"k1" : "v1" , "k2" : "v2"}}, bytes as {@code 0x...}, numbers
 * and booleans as they are, and {@code null}.
 */
public final class ValueFormatter {
  private ValueFormatter() {}

  public static String format(Object v) throws SQLException {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof Array a) {
      return formatList(Arrays.asList((Object[]) a.getArray()));
    }
    if (v instanceof List<?> l) {
      return formatList(l);
    }
    if (v instanceof Map<?, ?> m) {
      return formatDict(m);
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toString();
    }
    return v.toString();
  }

  public static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String formatList(List<?> values) throws SQLException {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (Object o : values) {
      j.add(format(o));
    }
    return j.toString();
  }

  /** {@code {"k1" : "v1" , "k2" : "v2"}}, as DESIGN.md shows a dict; {@code {}} when empty. */
  public static String formatDict(Map<?, ?> dict) throws SQLException {
    if (dict.isEmpty()) {
      return "{}";
    }
    StringJoiner j = new StringJoiner(" , ", "{", "}");
    for (Map.Entry<?, ?> e : dict.entrySet()) {
      j.add(format(e.getKey()) + " : " + format(e.getValue()));
    }
    return j.toString();
  }
}
