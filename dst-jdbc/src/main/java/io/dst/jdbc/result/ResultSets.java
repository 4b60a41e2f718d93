package io.dst.jdbc.result;

import io.dst.engine.api.RowCursor;
import io.dst.jdbc.meta.JdbcTypes;
import io.dst.sql.ResultColumn;
import java.sql.ResultSet;
import java.util.List;

/** Builds result sets the driver makes itself: metadata answers, generated keys, array contents. */
public final class ResultSets {
  private ResultSets() {}

  public static ResultSet of(List<ResultColumn> columns, List<Object[]> rows) {
    return new DstResultSet(null, columns, RowCursor.of(List.copyOf(rows)));
  }

  public static ResultSet empty(List<ResultColumn> columns) {
    return of(columns, List.of());
  }

  /** A column of a driver-made result set, typed by its {@link java.sql.Types} code. */
  public static ResultColumn column(String label, int sqlType, boolean nullable) {
    return JdbcTypes.resultColumn(label, "", JdbcTypes.forSqlType(sqlType), nullable);
  }
}
