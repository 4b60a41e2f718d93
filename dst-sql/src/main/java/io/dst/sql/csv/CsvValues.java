package io.dst.sql.csv;

import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Turns one CSV field into a value of a column's type. An empty unquoted field is null; a quoted
 * empty field is the empty string in a string column and null elsewhere. Numbers, booleans and
 * timestamps may have surrounding spaces. Formats: int/long decimal; double as Java reads it;
 * bool true/false/t/f/yes/no/1/0 in any case; timestamp as epoch milliseconds or ISO-8601 date,
 * date-time (T or space; no offset means UTC) or instant; bytes as hex (optional 0x); arrays as
 * the command language writes them: {@code ["a", "b"]}, {@code [1, 2]}, {@code []}.
 */
final class CsvValues {
  private CsvValues() {}

  /** A field that does not fit its column; the message says what it is not ("an int"). */
  static final class BadValue extends Exception {
    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  static Object parse(ColumnType type, byte[] b, int off, int len, boolean quoted) throws BadValue {
    if (len == 0) {
      return quoted && type.element() == ScalarType.STRING && !type.array() ? "" : null;
    }
    if (type.array()) {
      return array(type.element(), new String(b, off, len, StandardCharsets.UTF_8));
    }
    return switch (type.element()) {
      case STRING -> new String(b, off, len, StandardCharsets.UTF_8);
      case INT -> {
        long v = integer(b, off, len, "an int");
        if (v != (int) v) {
          throw new BadValue("an int (out of range)");
        }
        yield (int) v;
      }
      case LONG -> integer(b, off, len, "a long");
      default -> scalar(type.element(), new String(b, off, len, StandardCharsets.UTF_8));
    };
  }

  /** Parses a decimal integer straight from the bytes, with overflow checks. */
  private static long integer(byte[] b, int off, int len, String what) throws BadValue {
    int i = off;
    int end = off + len;
    while (i < end && b[i] == ' ') {
      i++;
    }
    while (end > i && b[end - 1] == ' ') {
      end--;
    }
    boolean negative = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i >= end || end - i > 19) {
      if (i < end && end - i > 19) {
        throw new BadValue(what + " (out of range)");
      }
      throw new BadValue(what);
    }
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new BadValue(what);
      }
      v = v * 10 + d;
      if (v < 0) {
        if (negative && v == Long.MIN_VALUE && i == end - 1) {
          return v;
        }
        throw new BadValue(what + " (out of range)");
      }
    }
    return negative ? -v : v;
  }

  /** Parses scalar text of any type (also array elements). */
  static Object scalar(ScalarType type, String text) throws BadValue {
    String t = type == ScalarType.STRING ? text : text.strip();
    switch (type) {
      case STRING:
        return t;
      case INT: {
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        long v = integer(b, 0, b.length, "an int");
        if (v != (int) v) {
          throw new BadValue("an int (out of range)");
        }
        return (int) v;
      }
      case LONG: {
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        return integer(b, 0, b.length, "a long");
      }
      case DOUBLE:
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw new BadValue("a double");
        }
      case BOOL:
        switch (t.toLowerCase(Locale.ROOT)) {
          case "true", "t", "yes", "1":
            return Boolean.TRUE;
          case "false", "f", "no", "0":
            return Boolean.FALSE;
          default:
            throw new BadValue("a bool (true or false)");
        }
      case TIMESTAMP:
        return timestamp(t);
      case BYTES:
        return hex(t);
      default:
        throw new BadValue("a " + type.keyword());
    }
  }

  private static long timestamp(String t) throws BadValue {
    if (!t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1))) && t.chars().skip(1).allMatch(Character::isDigit)
        && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-')) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      return integer(b, 0, b.length, "a timestamp");
    }
    String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    try {
      if (iso.length() == 10) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
      if (iso.endsWith("Z") || iso.endsWith("z")) {
        return Instant.parse(iso.substring(0, iso.length() - 1) + "Z").toEpochMilli();
      }
      int tPos = iso.indexOf('T');
      if (tPos > 0 && (iso.indexOf('+', tPos) > 0 || iso.indexOf('-', tPos) > 0)) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadValue("a timestamp (epoch milliseconds or ISO-8601 such as 2026-11-23T17:08:53Z)");
    }
  }

  private static byte[] hex(String t) throws BadValue {
    String h = t.startsWith("0x") || t.startsWith("0X") || t.startsWith("\\x") ? t.substring(2) : t;
    if (h.length() % 2 != 0) {
      throw new BadValue("bytes (hex digits in pairs)");
    }
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(h.charAt(2 * i), 16);
      int lo = Character.digit(h.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new BadValue("bytes (hex digits in pairs)");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  /** An array literal: [e1, e2, ...] with quoted ("..." with backslash escapes) or bare elements. */
  static List<Object> array(ScalarType element, String text) throws BadValue {
    String what = "a [" + element.keyword() + "]";
    int n = text.length();
    int i = skipSpaces(text, 0);
    int end = n;
    while (end > i && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (i >= end || text.charAt(i) != '[' || text.charAt(end - 1) != ']') {
      throw new BadValue(what + " (arrays are written [\"a\", \"b\"] or [1, 2])");
    }
    i = skipSpaces(text, i + 1);
    int close = end - 1;
    if (i == close) {
      return Collections.emptyList();
    }
    List<Object> out = new ArrayList<>(4);
    while (true) {
      String elem;
      if (text.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i = quoted(text, i + 1, close, sb, what);
        elem = sb.toString();
        out.add(element == ScalarType.STRING ? elem : elementValue(element, elem, what));
      } else {
        int j = i;
        while (j < close && text.charAt(j) != ',') {
          j++;
        }
        elem = text.substring(i, j).strip();
        if (elem.isEmpty() || elem.equalsIgnoreCase("null")) {
          throw new BadValue(what + " (array elements cannot be empty or null)");
        }
        out.add(elementValue(element, elem, what));
        i = j;
      }
      i = skipSpaces(text, i);
      if (i == close) {
        return out;
      }
      if (text.charAt(i) != ',') {
        throw new BadValue(what + " (expected ',' or ']' at character " + (i + 1) + ")");
      }
      i = skipSpaces(text, i + 1);
      if (i == close) {
        throw new BadValue(what + " (a ',' before ']')");
      }
    }
  }

  private static Object elementValue(ScalarType element, String text, String what) throws BadValue {
    try {
      return scalar(element, text);
    } catch (BadValue e) {
      throw new BadValue(what + " (element " + quote(text) + " is not " + e.getMessage() + ")");
    }
  }

  /** Reads a quoted element's body after its opening quote; returns the index after the closing quote. */
  private static int quoted(String text, int i, int close, StringBuilder sb, String what) throws BadValue {
    while (i < close) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= close) {
          break;
        }
        char e = text.charAt(i + 1);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (i + 6 > close) {
              throw new BadValue(what + " (a short \\u escape)");
            }
            try {
              sb.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
            } catch (NumberFormatException ex) {
              throw new BadValue(what + " (a bad \\u escape)");
            }
            i += 4;
          }
          default -> throw new BadValue(what + " (unknown escape \\" + e + ")");
        }
        i += 2;
      } else {
        sb.append(c);
        i++;
      }
    }
    throw new BadValue(what + " (an element's quote is not closed)");
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** A field as an error shows it: quoted, and cut after 60 characters. */
  static String quote(String text) {
    String t = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return "\"" + t.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
