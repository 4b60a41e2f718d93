package io.dst.engine.table;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * Checks values against column types and converts them to the engine's canonical value classes
 * (Integer for int, Long for long and timestamp, Double, Boolean, String, byte[], unmodifiable List
 * for arrays). Lossless conversions are accepted (an Integer into a long column, a Long that fits
 * into an int column, an Instant into a timestamp); anything else is a TYPE_MISMATCH that names the
 * table, the column, the expected type and the offending value.
 */
public final class Values {
  private Values() {}

  /** Validates a full row in schema order and returns it with canonical values. */
  public static Object[] canonicalRow(TableSchema schema, Object[] row) {
    if (row == null) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + schema.name() + ": row is null");
    }
    if (row.length != schema.columnCount()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + schema.name() + " has "
          + schema.columnCount() + " columns but the row has " + row.length + " values: "
          + render(Arrays.asList(row)));
    }
    Object[] out = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = canonical(schema, i, row[i]);
    }
    return out;
  }

  /** Validates one value for column {@code col} of the table and returns its canonical form. */
  public static Object canonical(TableSchema schema, int col, Object value) {
    Column c = schema.columns().get(col);
    if (value == null) {
      if (!c.nullable()) {
        throw new DstException(ErrorCode.NOT_NULL_VIOLATION,
            "table " + schema.name() + ", column " + c.name() + ": null is not allowed"
                + (c.primaryKey() ? " in the primary key" : ""));
      }
      return null;
    }
    Object v = convert(c.type(), value);
    if (v == null) {
      throw new DstException(ErrorCode.TYPE_MISMATCH, "table " + schema.name() + ", column "
          + c.name() + ": expected " + c.type() + " but got " + render(value));
    }
    return v;
  }

  /** The canonical form of {@code value} for the type, or null when it does not fit. */
  public static Object convert(ColumnType type, Object value) {
    if (!type.array()) {
      return scalar(type.element(), value);
    }
    List<?> in;
    if (value instanceof List<?> l) {
      if (allCanonical(type.element(), l)) {
        // Columns copy elements out, never keep the list, so a canonical list needs no copy.
        @SuppressWarnings("unchecked")
        List<Object> same = (List<Object>) l;
        return same;
      }
      in = l;
    } else if (value instanceof Object[] arr) {
      in = Arrays.asList(arr);
    } else {
      return null;
    }
    List<Object> out = new ArrayList<>(in.size());
    for (Object e : in) {
      Object c = e == null ? null : scalar(type.element(), e);
      if (c == null) {
        return null;
      }
      out.add(c);
    }
    return Collections.unmodifiableList(out);
  }

  private static boolean allCanonical(ScalarType element, List<?> list) {
    Class<?> want = switch (element) {
      case STRING -> String.class;
      case INT -> Integer.class;
      case LONG, TIMESTAMP -> Long.class;
      case DOUBLE -> Double.class;
      case BOOL -> Boolean.class;
      case BYTES -> byte[].class;
    };
    for (Object e : list) {
      if (e == null || e.getClass() != want) {
        return false;
      }
    }
    return true;
  }

  /** The canonical scalar, or null when the value does not fit the type. */
  public static Object scalar(ScalarType type, Object v) {
    switch (type) {
      case STRING:
        return v instanceof String || v instanceof Character ? v.toString() : null;
      case INT: {
        Long l = integral(v);
        return l != null && l == l.intValue() ? Integer.valueOf(l.intValue()) : null;
      }
      case LONG:
        return integral(v);
      case DOUBLE:
        if (v instanceof Double) {
          return v;
        }
        if (v instanceof Float || v instanceof Integer || v instanceof Short || v instanceof Byte) {
          return ((Number) v).doubleValue();
        }
        if (v instanceof Long l && Math.abs(l) < (1L << 53)) {
          return l.doubleValue();
        }
        if (v instanceof BigDecimal bd) {
          return bd.doubleValue();
        }
        return null;
      case BOOL:
        return v instanceof Boolean ? v : null;
      case BYTES:
        return v instanceof byte[] ? v : null;
      case TIMESTAMP:
        if (v instanceof Date d) {
          return d.getTime();
        }
        if (v instanceof Instant i) {
          return i.toEpochMilli();
        }
        return integral(v);
      default:
        return null;
    }
  }

  private static Long integral(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger bi && bi.bitLength() < 64) {
      return bi.longValue();
    }
    if (v instanceof BigDecimal bd) {
      try {
        return bd.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  /** A value as users write it: strings quoted, arrays in brackets. */
  public static String render(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String || v instanceof Character) {
      return "\"" + v + "\"";
    }
    if (v instanceof byte[] b) {
      return "bytes[" + b.length + "]";
    }
    if (v instanceof Object[] arr) {
      return render(Arrays.asList(arr));
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(render(l.get(i)));
      }
      return sb.append(']').toString();
    }
    return v.toString();
  }
}
