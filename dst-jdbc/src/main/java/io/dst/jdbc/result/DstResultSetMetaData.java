package io.dst.jdbc.result;

import io.dst.sql.ResultColumn;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Describes a result's columns from the {@link ResultColumn}s the SQL layer planned. */
public final class DstResultSetMetaData implements ResultSetMetaData {
  private final List<ResultColumn> columns;

  public DstResultSetMetaData(List<ResultColumn> columns) {
    this.columns = List.copyOf(columns);
  }

  private ResultColumn column(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw new SQLException("column index " + column + " is out of range 1.." + columns.size(), "07009");
    }
    return columns.get(column - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    int t = column(column).sqlType();
    return t == Types.VARCHAR || t == Types.CHAR || t == Types.ARRAY;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return column(column).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return switch (column(column).sqlType()) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DOUBLE, Types.FLOAT, Types.REAL,
          Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    ResultColumn c = column(column);
    return switch (c.sqlType()) {
      case Types.BOOLEAN -> 5;
      case Types.INTEGER -> 11;
      case Types.BIGINT -> 20;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> 24;
      case Types.TIMESTAMP -> 23;
      case Types.DECIMAL, Types.NUMERIC -> c.precision() + 2;
      default -> c.precision() > 0 ? c.precision() : Integer.MAX_VALUE;
    };
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).label();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return column(column).label();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return column(column).precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    return column(column).scale();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    String t = column(column).tableName();
    return t == null ? "" : t;
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return column(column).sqlType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return column(column).typeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return column(column).javaClass().getName();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
