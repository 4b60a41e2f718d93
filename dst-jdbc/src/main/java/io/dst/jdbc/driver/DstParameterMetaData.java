package io.dst.jdbc.driver;

import io.dst.jdbc.meta.JdbcTypes;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** The {@code ?} parameters of a prepared statement, typed as far as planning inferred them. */
final class DstParameterMetaData implements ParameterMetaData {
  private final List<Integer> types;

  DstParameterMetaData(List<Integer> types) {
    this.types = List.copyOf(types);
  }

  private JdbcTypes.Info info(int param) throws SQLException {
    if (param < 1 || param > types.size()) {
      throw new SQLException("parameter index " + param + " is out of range 1.." + types.size(), "07009");
    }
    return JdbcTypes.forSqlType(types.get(param - 1));
  }

  @Override
  public int getParameterCount() {
    return types.size();
  }

  @Override
  public int isNullable(int param) throws SQLException {
    info(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return info(param).numeric();
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    return info(param).precision();
  }

  @Override
  public int getScale(int param) throws SQLException {
    return info(param).scale();
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    info(param);
    return types.get(param - 1);
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return info(param).typeName();
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return info(param).javaClass().getName();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    info(param);
    return parameterModeIn;
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
