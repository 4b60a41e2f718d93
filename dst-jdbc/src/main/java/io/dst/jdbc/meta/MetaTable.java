package io.dst.jdbc.meta;

import io.dst.jdbc.result.ResultSets;
import io.dst.sql.ResultColumn;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one DatabaseMetaData answer: its columns, declared in the order and with the types
 * the JDBC javadoc lists, and the rows the driver fills in.
 */
final class MetaTable {
  private final List<ResultColumn> columns = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();

  /** Columns as {@code NAME} (VARCHAR) or {@code NAME:int|short|bool|long}. */
  static MetaTable of(String... specs) {
    MetaTable t = new MetaTable();
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      String kind = colon < 0 ? "string" : spec.substring(colon + 1);
      int type = switch (kind) {
        case "int" -> Types.INTEGER;
        case "short" -> Types.SMALLINT;
        case "bool" -> Types.BOOLEAN;
        case "long" -> Types.BIGINT;
        default -> Types.VARCHAR;
      };
      t.columns.add(ResultSets.column(name, type, true));
    }
    return t;
  }

  /** Adds a row; values for SMALLINT columns may be given as any integer and are stored as Short. */
  MetaTable row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
    }
    Object[] row = values.clone();
    for (int i = 0; i < row.length; i++) {
      if (row[i] instanceof Number n && columns.get(i).sqlType() == Types.SMALLINT) {
        row[i] = n.shortValue();
      }
    }
    rows.add(row);
    return this;
  }

  ResultSet toResultSet() {
    return ResultSets.of(columns, rows);
  }
}
