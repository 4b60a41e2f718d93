package io.dst.sql.schema;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The one place where Dst column types meet SQL types: each {@link ScalarType} has one SQL type, and
 * the SQL types a CREATE TABLE may use map back to the nearest Dst type.
 */
public final class DstTypes {
  private DstTypes() {}

  public static SqlTypeName sqlTypeName(ScalarType type) {
    return switch (type) {
      case STRING -> SqlTypeName.VARCHAR;
      case INT -> SqlTypeName.INTEGER;
      case LONG -> SqlTypeName.BIGINT;
      case DOUBLE -> SqlTypeName.DOUBLE;
      case BOOL -> SqlTypeName.BOOLEAN;
      case BYTES -> SqlTypeName.VARBINARY;
      case TIMESTAMP -> SqlTypeName.TIMESTAMP;
    };
  }

  public static RelDataType relType(RelDataTypeFactory factory, ColumnType type, boolean nullable) {
    RelDataType element = scalarRelType(factory, type.element());
    RelDataType result = type.array()
        ? factory.createArrayType(factory.createTypeWithNullability(element, true), -1)
        : element;
    return factory.createTypeWithNullability(result, nullable);
  }

  private static RelDataType scalarRelType(RelDataTypeFactory factory, ScalarType type) {
    SqlTypeName name = sqlTypeName(type);
    return switch (type) {
      case STRING, BYTES -> factory.createSqlType(name, Integer.MAX_VALUE);
      case TIMESTAMP -> factory.createSqlType(name, 3);
      default -> factory.createSqlType(name);
    };
  }

  /** The Dst type for a SQL type used in DDL; fails for SQL types Dst cannot store. */
  public static ColumnType columnType(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
      RelDataType component = type.getComponentType();
      return ColumnType.arrayOf(scalarType(component.getSqlTypeName()));
    }
    return ColumnType.of(scalarType(type.getSqlTypeName()));
  }

  public static ScalarType scalarType(SqlTypeName name) {
    return switch (name) {
      case CHAR, VARCHAR -> ScalarType.STRING;
      case TINYINT, SMALLINT, INTEGER -> ScalarType.INT;
      case BIGINT -> ScalarType.LONG;
      case FLOAT, REAL, DOUBLE, DECIMAL -> ScalarType.DOUBLE;
      case BOOLEAN -> ScalarType.BOOL;
      case BINARY, VARBINARY -> ScalarType.BYTES;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, DATE -> ScalarType.TIMESTAMP;
      default -> throw new DstException(ErrorCode.UNSUPPORTED,
          "SQL type " + name + " has no Dst column type");
    };
  }
}
