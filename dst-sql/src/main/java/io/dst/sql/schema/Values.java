package io.dst.sql.schema;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Converts single values between the engine's value classes (see {@link ScalarType}) and Calcite's
 * internal representation: the two agree except that Calcite holds binary values as {@link
 * ByteString} and may hand numbers of a wider or narrower class than the column's.
 */
public final class Values {
  private Values() {}

  /** Engine value to Calcite's internal form. */
  public static Object toInternal(Object value) {
    if (value instanceof byte[] bytes) {
      return new ByteString(bytes);
    }
    if (value instanceof List<?> list) {
      boolean hasBytes = false;
      for (Object o : list) {
        if (o instanceof byte[]) {
          hasBytes = true;
          break;
        }
      }
      if (!hasBytes) {
        return list;
      }
      List<Object> copy = new ArrayList<>(list.size());
      for (Object o : list) {
        copy.add(toInternal(o));
      }
      return copy;
    }
    return value;
  }

  /** A Calcite (or user-supplied) value to the engine value class of {@code type}, or a TYPE_MISMATCH. */
  public static Object toEngine(Object value, ColumnType type, String what) {
    if (value == null) {
      return null;
    }
    if (type.array()) {
      if (value instanceof List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object o : list) {
          out.add(toEngine(o, ColumnType.of(type.element()), what));
        }
        return java.util.Collections.unmodifiableList(out);
      }
      if (value instanceof Object[] array) {
        return toEngine(java.util.Arrays.asList(array), type, what);
      }
      throw mismatch(value, type, what);
    }
    return scalarToEngine(value, type.element(), what, type);
  }

  private static Object scalarToEngine(Object value, ScalarType type, String what, ColumnType full) {
    switch (type) {
      case STRING:
        if (value instanceof String || value instanceof Character) {
          return value.toString();
        }
        if (value instanceof org.apache.calcite.util.NlsString nls) {
          return nls.getValue();
        }
        break;
      case INT:
        if (value instanceof Integer) {
          return value;
        }
        if (value instanceof Number n && isIntegral(n)) {
          long l = n.longValue();
          if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return (int) l;
          }
          throw new DstException(ErrorCode.TYPE_MISMATCH, what + ": value " + value + " is out of range for int");
        }
        break;
      case LONG:
        if (value instanceof Long) {
          return value;
        }
        if (value instanceof Number n && isIntegral(n)) {
          return n.longValue();
        }
        break;
      case DOUBLE:
        if (value instanceof Double) {
          return value;
        }
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        break;
      case BOOL:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case BYTES:
        if (value instanceof byte[]) {
          return value;
        }
        if (value instanceof ByteString bs) {
          return bs.getBytes();
        }
        break;
      case TIMESTAMP:
        if (value instanceof Long) {
          return value;
        }
        if (value instanceof java.util.Date d) {
          return d.getTime();
        }
        if (value instanceof java.time.Instant i) {
          return i.toEpochMilli();
        }
        if (value instanceof java.time.LocalDateTime t) {
          return t.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof Number n && isIntegral(n)) {
          return n.longValue();
        }
        break;
      default:
        break;
    }
    throw mismatch(value, full, what);
  }

  private static boolean isIntegral(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return true;
    }
    if (n instanceof BigDecimal bd) {
      return bd.stripTrailingZeros().scale() <= 0;
    }
    return n instanceof java.math.BigInteger;
  }

  private static DstException mismatch(Object value, ColumnType type, String what) {
    String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    return new DstException(ErrorCode.TYPE_MISMATCH,
        what + " is of type " + type + " but the value " + shown + " is a "
            + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
  }
}
