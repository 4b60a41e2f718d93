package io.dst.sql.exec;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.sql.ResultColumn;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts between the values JDBC users see and Calcite's internal values, per SQL type: result
 * columns (TIMESTAMP as {@link Timestamp}, VARBINARY as byte[], arrays as List) and {@code ?}
 * parameters (any reasonable Java class in, the internal class out, or a TYPE_MISMATCH).
 */
public final class SqlTypes {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private SqlTypes() {}

  public static ResultColumn column(RelDataTypeField field, String tableName) {
    RelDataType type = field.getType();
    SqlTypeName name = type.getSqlTypeName();
    int precision = type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : type.getPrecision();
    int scale = type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale();
    return new ResultColumn(field.getName(), tableName, jdbcType(name), typeName(type), javaClass(name),
        precision, scale, type.isNullable());
  }

  public static List<ResultColumn> columns(RelDataType rowType, List<String> tableNames) {
    List<ResultColumn> out = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      out.add(column(fields.get(i), tableNames == null ? null : tableNames.get(i)));
    }
    return List.copyOf(out);
  }

  private static String typeName(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
      return type.getComponentType().getSqlTypeName().getName() + " ARRAY";
    }
    return type.getSqlTypeName().getName();
  }

  public static int jdbcType(SqlTypeName name) {
    return switch (name) {
      case CHAR -> java.sql.Types.CHAR;
      case VARCHAR -> java.sql.Types.VARCHAR;
      case BOOLEAN -> java.sql.Types.BOOLEAN;
      case TINYINT -> java.sql.Types.TINYINT;
      case SMALLINT -> java.sql.Types.SMALLINT;
      case INTEGER -> java.sql.Types.INTEGER;
      case BIGINT -> java.sql.Types.BIGINT;
      case REAL -> java.sql.Types.REAL;
      case FLOAT -> java.sql.Types.FLOAT;
      case DOUBLE -> java.sql.Types.DOUBLE;
      case DECIMAL -> java.sql.Types.DECIMAL;
      case BINARY -> java.sql.Types.BINARY;
      case VARBINARY -> java.sql.Types.VARBINARY;
      case DATE -> java.sql.Types.DATE;
      case TIME -> java.sql.Types.TIME;
      case TIMESTAMP -> java.sql.Types.TIMESTAMP;
      case ARRAY -> java.sql.Types.ARRAY;
      case NULL -> java.sql.Types.NULL;
      default -> java.sql.Types.OTHER;
    };
  }

  public static Class<?> javaClass(SqlTypeName name) {
    return switch (name) {
      case CHAR, VARCHAR -> String.class;
      case BOOLEAN -> Boolean.class;
      case TINYINT -> Byte.class;
      case SMALLINT -> Short.class;
      case INTEGER -> Integer.class;
      case BIGINT -> Long.class;
      case REAL -> Float.class;
      case FLOAT, DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case BINARY, VARBINARY -> byte[].class;
      case DATE -> java.sql.Date.class;
      case TIME -> java.sql.Time.class;
      case TIMESTAMP -> Timestamp.class;
      case ARRAY -> java.sql.Array.class;
      default -> Object.class;
    };
  }

  /** A converter from Calcite's internal value of this type to the value a JDBC user sees. */
  public static Function<Object, Object> toExternal(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case TIMESTAMP -> v -> v instanceof Long l ? new Timestamp(l) : v;
      case DATE -> v -> v instanceof Integer d ? new java.sql.Date(d * MILLIS_PER_DAY) : v;
      case TIME -> v -> v instanceof Integer t ? new java.sql.Time(t) : v;
      case BINARY, VARBINARY -> v -> v instanceof ByteString b ? b.getBytes() : v;
      case CHAR, VARCHAR -> v -> v instanceof Character c ? c.toString() : v;
      case INTEGER -> v -> v instanceof Number n && !(v instanceof Integer) ? n.intValue() : v;
      case BIGINT -> v -> v instanceof Number n && !(v instanceof Long) ? n.longValue() : v;
      case DOUBLE, FLOAT -> v -> v instanceof Number n && !(v instanceof Double) ? n.doubleValue() : v;
      case ARRAY -> v -> {
        if (v instanceof List<?> list) {
          Function<Object, Object> element = toExternal(type.getComponentType());
          List<Object> out = new ArrayList<>(list.size());
          for (Object o : list) {
            out.add(o == null ? null : element.apply(o));
          }
          return java.util.Collections.unmodifiableList(out);
        }
        return v;
      };
      default -> v -> v;
    };
  }

  /** A {@code ?} value in the user's class, as Calcite's internal value of {@code type}. */
  public static Object parameterToInternal(Object value, RelDataType type, int index) {
    if (value == null) {
      return null;
    }
    SqlTypeName name = type.getSqlTypeName();
    try {
      switch (name) {
        case CHAR:
        case VARCHAR:
          if (value instanceof String || value instanceof Character) {
            return value.toString();
          }
          break;
        case BOOLEAN:
          if (value instanceof Boolean) {
            return value;
          }
          if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
          }
          break;
        case TINYINT:
          return (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        case SMALLINT:
          return (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
        case INTEGER:
          return (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case BIGINT:
          return integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
        case REAL:
          return toBigDecimal(value).floatValue();
        case FLOAT:
        case DOUBLE:
          if (value instanceof Double d) {
            return d;
          }
          return value instanceof Number n ? n.doubleValue() : toBigDecimal(value).doubleValue();
        case DECIMAL:
          return toBigDecimal(value);
        case BINARY:
        case VARBINARY:
          if (value instanceof byte[] b) {
            return new ByteString(b);
          }
          if (value instanceof ByteString) {
            return value;
          }
          break;
        case TIMESTAMP:
          if (value instanceof java.util.Date d) {
            return d.getTime();
          }
          if (value instanceof java.time.Instant i) {
            return i.toEpochMilli();
          }
          if (value instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
          }
          if (value instanceof Long l) {
            return l;
          }
          if (value instanceof String s) {
            return Timestamp.valueOf(s).getTime();
          }
          break;
        case DATE:
          if (value instanceof java.util.Date d) {
            return (int) Math.floorDiv(d.getTime(), MILLIS_PER_DAY);
          }
          if (value instanceof java.time.LocalDate d) {
            return (int) d.toEpochDay();
          }
          break;
        case ARRAY:
          if (value instanceof List<?> list) {
            return list;
          }
          if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
          }
          if (value instanceof java.sql.Array a) {
            return java.util.Arrays.asList((Object[]) a.getArray());
          }
          break;
        default:
          return value;
      }
    } catch (DstException e) {
      throw e;
    } catch (Exception e) {
      // fall through to the mismatch below: the value does not read as this type
    }
    throw new DstException(ErrorCode.TYPE_MISMATCH, "parameter " + (index + 1) + " expects "
        + name.getName() + " but got " + value.getClass().getSimpleName() + " " + shown(value));
  }

  private static String shown(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  private static long integral(Object value, long min, long max) {
    long l;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      l = ((Number) value).longValue();
    } else {
      l = toBigDecimal(value).longValueExact();
    }
    if (l < min || l > max) {
      throw new ArithmeticException("out of range");
    }
    return l;
  }

  private static BigDecimal toBigDecimal(Object value) {
    if (value instanceof BigDecimal bd) {
      return bd;
    }
    if (value instanceof Number n) {
      return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
          : BigDecimal.valueOf(n.longValue());
    }
    if (value instanceof String s) {
      return new BigDecimal(s.trim());
    }
    throw new IllegalArgumentException();
  }
}
