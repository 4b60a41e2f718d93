package io.dst.jdbc.driver;

import io.dst.jdbc.result.DstArray;
import io.dst.jdbc.result.ValueConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Brings parameter values to the classes Dst columns hold (String, Integer, Long, Double, Boolean,
 * byte[], Timestamp, BigDecimal, List for arrays), so the SQL layer sees one representation per type.
 */
final class ParameterValues {
  private ParameterValues() {}

  static Object normalize(Object x) throws SQLException {
    if (x == null || x instanceof String || x instanceof Integer || x instanceof Long || x instanceof Double
        || x instanceof Boolean || x instanceof byte[] || x instanceof Timestamp || x instanceof BigDecimal) {
      return x;
    }
    if (x instanceof Short || x instanceof Byte) {
      return ((Number) x).intValue();
    }
    if (x instanceof Float f) {
      return f.doubleValue();
    }
    if (x instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (x instanceof Character c) {
      return c.toString();
    }
    if (x instanceof java.util.Date d) {
      return new Timestamp(d.getTime());
    }
    if (x instanceof LocalDateTime t) {
      return Timestamp.valueOf(t);
    }
    if (x instanceof LocalDate d) {
      return Timestamp.valueOf(d.atStartOfDay());
    }
    if (x instanceof Instant i) {
      return Timestamp.from(i);
    }
    if (x instanceof OffsetDateTime o) {
      return Timestamp.from(o.toInstant());
    }
    if (x instanceof ZonedDateTime z) {
      return Timestamp.from(z.toInstant());
    }
    if (x instanceof DstArray a) {
      return List.copyOf(a.values());
    }
    if (x instanceof Array a) {
      return normalizeList(Arrays.asList((Object[]) a.getArray()));
    }
    if (x instanceof Object[] arr) {
      return normalizeList(Arrays.asList(arr));
    }
    if (x instanceof Collection<?> c) {
      return normalizeList(List.copyOf(c));
    }
    throw new SQLDataException("cannot use a " + x.getClass().getName() + " as a Dst parameter", "22023");
  }

  private static List<Object> normalizeList(List<?> values) throws SQLException {
    Object[] out = new Object[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = normalize(values.get(i));
    }
    return java.util.Collections.unmodifiableList(Arrays.asList(out));
  }

  /** {@code setObject(i, x, targetSqlType)}: x converted to the Java class of that type. */
  static Object convert(Object x, int sqlType) throws SQLException {
    if (x == null) {
      return null;
    }
    return switch (sqlType) {
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB -> ValueConverter.toStringValue(x);
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ValueConverter.toInt(x);
      case Types.BIGINT -> ValueConverter.toLong(x);
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> ValueConverter.toDouble(x);
      case Types.DECIMAL, Types.NUMERIC -> ValueConverter.toBigDecimal(x);
      case Types.BOOLEAN, Types.BIT -> ValueConverter.toBoolean(x);
      case Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY, Types.BLOB -> ValueConverter.toBytes(x);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.TIME ->
          normalize(ValueConverter.toTimestamp(normalize(x)));
      default -> normalize(x);
    };
  }

  static byte[] readAll(InputStream in, long length) throws SQLException {
    try {
      byte[] all = in.readAllBytes();
      return length >= 0 && length < all.length ? Arrays.copyOf(all, (int) length) : all;
    } catch (IOException e) {
      throw new SQLException("reading the parameter stream failed: " + e.getMessage(), "HY000", e);
    }
  }

  static String readAll(Reader in, long length) throws SQLException {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      return length >= 0 && length < sb.length() ? sb.substring(0, (int) length) : sb.toString();
    } catch (IOException e) {
      throw new SQLException("reading the parameter stream failed: " + e.getMessage(), "HY000", e);
    }
  }
}
