package io.dst.jdbc.result;

import io.dst.jdbc.meta.JdbcTypes;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link java.sql.Array} over the {@code List} an array column holds. {@link #getArray()} returns a
 * typed Java array ({@code String[]} for {@code [string]}), and {@link #getResultSet()} the usual
 * INDEX/VALUE rows, with 1-based indexes.
 */
public final class DstArray implements Array {
  private final List<?> values;
  private final int baseType;
  private final String baseTypeName;
  private final Class<?> elementClass;
  private boolean freed;

  public DstArray(List<?> values, int baseType, String baseTypeName, Class<?> elementClass) {
    this.values = values;
    this.baseType = baseType;
    this.baseTypeName = baseTypeName;
    this.elementClass = elementClass;
  }

  /** An array whose element type is read off its first non-null value (VARCHAR when there is none). */
  public static DstArray of(List<?> values) {
    Class<?> element = values.stream().filter(v -> v != null).findFirst().<Class<?>>map(Object::getClass)
        .orElse(String.class);
    JdbcTypes.Info info = JdbcTypes.forJavaClass(element);
    return new DstArray(values, info.sqlType(), info.typeName(), info.javaClass());
  }

  /** The values, as the engine holds them. */
  public List<?> values() {
    return values;
  }

  @Override
  public String getBaseTypeName() throws SQLException {
    checkLive();
    return baseTypeName;
  }

  @Override
  public int getBaseType() throws SQLException {
    checkLive();
    return baseType;
  }

  @Override
  public Object getArray() throws SQLException {
    return slice(1, values.size());
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    return getArray();
  }

  @Override
  public Object getArray(long index, int count) throws SQLException {
    return slice(index, count);
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return slice(index, count);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    return getResultSet(1, values.size());
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return getResultSet(index, count);
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    Object[] slice = slice(index, count);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < slice.length; i++) {
      rows.add(new Object[] {(int) index + i, slice[i]});
    }
    return ResultSets.of(List.of(
        ResultSets.column("INDEX", Types.INTEGER, false),
        JdbcTypes.resultColumn("VALUE", "", JdbcTypes.forSqlType(baseType), true)), rows);
  }

  @Override
  public void free() {
    freed = true;
  }

  @Override
  public String toString() {
    return values.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DstArray a && a.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  private Object[] slice(long index, int count) throws SQLException {
    checkLive();
    if (index < 1 || count < 0 || index - 1 + count > values.size()) {
      throw new SQLException("array slice from " + index + " of " + count + " elements is outside 1.."
          + values.size(), "2202E");
    }
    Object[] out = (Object[]) java.lang.reflect.Array.newInstance(elementClass, count);
    List<?> sub = values.subList((int) index - 1, (int) index - 1 + count);
    for (int i = 0; i < count; i++) {
      Object v = sub.get(i);
      out[i] = elementClass.isInstance(v) || v == null ? v : ValueConverter.convert(v, elementClass);
    }
    return out;
  }

  private void checkLive() throws SQLException {
    if (freed) {
      throw new SQLException("array has been freed", "HY010");
    }
  }
}
