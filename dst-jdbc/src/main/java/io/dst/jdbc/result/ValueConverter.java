package io.dst.jdbc.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The conversions behind the ResultSet getters: from the value a column holds (String, Integer, Long,
 * Double, Boolean, byte[], Timestamp or epoch millis, BigDecimal, List or Array) to what the caller
 * asked for, failing with SQLSTATE 22018 when the value has no sensible reading as that type.
 */
public final class ValueConverter {
  private ValueConverter() {}

  public static String toStringValue(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    if (v instanceof Array a) {
      return java.util.Arrays.asList((Object[]) a.getArray()).toString();
    }
    return v.toString();
  }

  public static long toLong(Object v) throws SQLException {
    if (v == null) {
      return 0;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || d > Long.MAX_VALUE || d < Long.MIN_VALUE) {
        throw mismatch(v, "long");
      }
      return n.longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Timestamp t) {
      return t.getTime();
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim()).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw mismatch(v, "long");
      }
    }
    throw mismatch(v, "long");
  }

  public static int toInt(Object v) throws SQLException {
    long l = toLong(v);
    if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      throw new SQLDataException("value " + l + " does not fit in an int", "22003");
    }
    return (int) l;
  }

  public static short toShort(Object v) throws SQLException {
    long l = toLong(v);
    if (l > Short.MAX_VALUE || l < Short.MIN_VALUE) {
      throw new SQLDataException("value " + l + " does not fit in a short", "22003");
    }
    return (short) l;
  }

  public static byte toByte(Object v) throws SQLException {
    long l = toLong(v);
    if (l > Byte.MAX_VALUE || l < Byte.MIN_VALUE) {
      throw new SQLDataException("value " + l + " does not fit in a byte", "22003");
    }
    return (byte) l;
  }

  public static double toDouble(Object v) throws SQLException {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw mismatch(v, "double");
      }
    }
    throw mismatch(v, "double");
  }

  public static BigDecimal toBigDecimal(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw mismatch(v, "decimal");
      }
    }
    throw mismatch(v, "decimal");
  }

  public static boolean toBoolean(Object v) throws SQLException {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      String t = s.trim();
      if (t.equalsIgnoreCase("true") || t.equals("1")) {
        return true;
      }
      if (t.equalsIgnoreCase("false") || t.equals("0")) {
        return false;
      }
    }
    throw mismatch(v, "boolean");
  }

  public static byte[] toBytes(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return b;
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    throw mismatch(v, "bytes");
  }

  public static Timestamp toTimestamp(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof Timestamp t) {
      return t;
    }
    if (v instanceof java.util.Date d) {
      return new Timestamp(d.getTime());
    }
    if (v instanceof Long l) {
      return new Timestamp(l);
    }
    if (v instanceof LocalDateTime ldt) {
      return Timestamp.valueOf(ldt);
    }
    if (v instanceof Instant i) {
      return Timestamp.from(i);
    }
    if (v instanceof OffsetDateTime o) {
      return Timestamp.from(o.toInstant());
    }
    if (v instanceof String s) {
      try {
        return Timestamp.valueOf(s.trim());
      } catch (IllegalArgumentException e) {
        throw mismatch(v, "timestamp");
      }
    }
    throw mismatch(v, "timestamp");
  }

  public static Date toDate(Object v) throws SQLException {
    if (v instanceof Date d) {
      return d;
    }
    if (v instanceof LocalDate ld) {
      return Date.valueOf(ld);
    }
    if (v instanceof String s && s.trim().length() == 10) {
      try {
        return Date.valueOf(s.trim());
      } catch (IllegalArgumentException e) {
        throw mismatch(v, "date");
      }
    }
    Timestamp t = toTimestamp(v);
    return t == null ? null : Date.valueOf(t.toLocalDateTime().toLocalDate());
  }

  public static Time toTime(Object v) throws SQLException {
    if (v instanceof Time t) {
      return t;
    }
    if (v instanceof LocalTime lt) {
      return Time.valueOf(lt);
    }
    Timestamp t = toTimestamp(v);
    return t == null ? null : Time.valueOf(t.toLocalDateTime().toLocalTime());
  }

  /** {@code getObject(column, type)}: the value as {@code type}, or null for SQL NULL. */
  @SuppressWarnings("unchecked")
  public static <T> T convert(Object v, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("type must not be null", "HY009");
    }
    if (v == null) {
      return null;
    }
    if (type.isInstance(v)) {
      return (T) v;
    }
    Object out;
    if (type == String.class) {
      out = toStringValue(v);
    } else if (type == Integer.class || type == int.class) {
      out = toInt(v);
    } else if (type == Long.class || type == long.class) {
      out = toLong(v);
    } else if (type == Short.class || type == short.class) {
      out = toShort(v);
    } else if (type == Byte.class || type == byte.class) {
      out = toByte(v);
    } else if (type == Double.class || type == double.class) {
      out = toDouble(v);
    } else if (type == Float.class || type == float.class) {
      out = (float) toDouble(v);
    } else if (type == Boolean.class || type == boolean.class) {
      out = toBoolean(v);
    } else if (type == BigDecimal.class) {
      out = toBigDecimal(v);
    } else if (type == BigInteger.class) {
      out = toBigDecimal(v).toBigIntegerExact();
    } else if (type == byte[].class) {
      out = toBytes(v);
    } else if (type == Timestamp.class || type == java.util.Date.class) {
      out = toTimestamp(v);
    } else if (type == Date.class) {
      out = toDate(v);
    } else if (type == Time.class) {
      out = toTime(v);
    } else if (type == LocalDateTime.class) {
      out = toTimestamp(v).toLocalDateTime();
    } else if (type == LocalDate.class) {
      out = toDate(v).toLocalDate();
    } else if (type == LocalTime.class) {
      out = toTime(v).toLocalTime();
    } else if (type == Instant.class) {
      out = toTimestamp(v).toInstant();
    } else if (type == OffsetDateTime.class) {
      out = toTimestamp(v).toInstant().atOffset(ZoneOffset.UTC);
    } else if (type == ZonedDateTime.class) {
      out = toTimestamp(v).toInstant().atZone(ZoneOffset.UTC);
    } else if (type == List.class && v instanceof Array a) {
      out = java.util.Arrays.asList((Object[]) a.getArray());
    } else if (type == Array.class && v instanceof List<?> l) {
      out = DstArray.of(l);
    } else {
      throw new SQLDataException("cannot read a " + v.getClass().getSimpleName() + " value as "
          + type.getName(), "22018");
    }
    return (T) out;
  }

  private static SQLDataException mismatch(Object v, String target) {
    String shown = v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    return new SQLDataException("cannot read " + shown + " (" + v.getClass().getSimpleName() + ") as a "
        + target, "22018");
  }
}
