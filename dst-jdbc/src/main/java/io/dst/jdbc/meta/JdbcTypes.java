package io.dst.jdbc.meta;

import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.sql.ResultColumn;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * How Dst's column types appear through JDBC: the {@link Types} code, SQL type name, Java class,
 * column size (precision, or maximum length) and decimal digits of each, as Calcite names them.
 */
public final class JdbcTypes {

  /** The JDBC view of one type; {@code precision} is COLUMN_SIZE and {@code scale} DECIMAL_DIGITS. */
  public record Info(int sqlType, String typeName, Class<?> javaClass, int precision, int scale, boolean numeric) {}

  /** Size reported for VARCHAR and VARBINARY, which have no declared maximum. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public static final Info VARCHAR = new Info(Types.VARCHAR, "VARCHAR", String.class, UNBOUNDED, 0, false);
  public static final Info INTEGER = new Info(Types.INTEGER, "INTEGER", Integer.class, 10, 0, true);
  public static final Info BIGINT = new Info(Types.BIGINT, "BIGINT", Long.class, 19, 0, true);
  public static final Info SMALLINT = new Info(Types.SMALLINT, "SMALLINT", Short.class, 5, 0, true);
  public static final Info DOUBLE = new Info(Types.DOUBLE, "DOUBLE", Double.class, 15, 0, true);
  public static final Info BOOLEAN = new Info(Types.BOOLEAN, "BOOLEAN", Boolean.class, 1, 0, false);
  public static final Info VARBINARY = new Info(Types.VARBINARY, "VARBINARY", byte[].class, UNBOUNDED, 0, false);
  public static final Info TIMESTAMP = new Info(Types.TIMESTAMP, "TIMESTAMP", Timestamp.class, 23, 3, false);
  public static final Info DECIMAL = new Info(Types.DECIMAL, "DECIMAL", BigDecimal.class, 19, 0, true);

  private JdbcTypes() {}

  public static Info forScalar(ScalarType type) {
    return switch (type) {
      case STRING -> VARCHAR;
      case INT -> INTEGER;
      case LONG -> BIGINT;
      case DOUBLE -> DOUBLE;
      case BOOL -> BOOLEAN;
      case BYTES -> VARBINARY;
      case TIMESTAMP -> TIMESTAMP;
    };
  }

  /** A scalar column's type, or for {@code [T]} an ARRAY named like Calcite does ({@code VARCHAR ARRAY}). */
  public static Info forColumnType(ColumnType type) {
    Info element = forScalar(type.element());
    if (!type.array()) {
      return element;
    }
    return new Info(Types.ARRAY, element.typeName() + " ARRAY", Array.class, UNBOUNDED, 0, false);
  }

  public static Info forJavaClass(Class<?> c) {
    if (c == Integer.class) {
      return INTEGER;
    } else if (c == Long.class) {
      return BIGINT;
    } else if (c == Short.class) {
      return SMALLINT;
    } else if (c == Double.class || c == Float.class) {
      return DOUBLE;
    } else if (c == Boolean.class) {
      return BOOLEAN;
    } else if (c == byte[].class) {
      return VARBINARY;
    } else if (java.util.Date.class.isAssignableFrom(c)) {
      return TIMESTAMP;
    } else if (c == BigDecimal.class) {
      return DECIMAL;
    }
    return VARCHAR;
  }

  public static Info forSqlType(int sqlType) {
    return switch (sqlType) {
      case Types.INTEGER -> INTEGER;
      case Types.BIGINT -> BIGINT;
      case Types.SMALLINT -> SMALLINT;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY -> VARBINARY;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      default -> VARCHAR;
    };
  }

  public static ResultColumn resultColumn(String label, String table, Info info, boolean nullable) {
    return new ResultColumn(label, table, info.sqlType(), info.typeName(), info.javaClass(), info.precision(),
        info.scale(), nullable);
  }
}
