package io.dst.engine.schema;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shape of a table: its lower-case name and ordered columns, at most one of them the primary key.
 * A table without a primary key gets a hidden row id inside the engine; it is never a visible column.
 * Secondary indexes are the columns marked indexed; {@code extraIndexes} are indexes added later
 * (CREATE INDEX), each a list of column names, possibly several columns.
 */
public record TableSchema(String name, List<Column> columns, List<List<String>> extraIndexes) {
  public TableSchema {
    name = name.toLowerCase(Locale.ROOT);
    columns = List.copyOf(columns);
    extraIndexes = List.copyOf(extraIndexes);
    if (columns.isEmpty()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + name + " has no columns");
    }
    long keys = columns.stream().filter(Column::primaryKey).count();
    if (keys > 1) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "table " + name + " has " + keys + " primary-key columns; at most one column may be [p]");
    }
    for (int i = 0; i < columns.size(); i++) {
      for (int j = i + 1; j < columns.size(); j++) {
        if (columns.get(i).name().equalsIgnoreCase(columns.get(j).name())) {
          throw new DstException(ErrorCode.INVALID_ARGUMENT,
              "table " + name + " declares column " + columns.get(i).name() + " twice");
        }
      }
    }
  }

  public TableSchema(String name, List<Column> columns) {
    this(name, columns, List.of());
  }

  /** Index of the primary-key column, or -1 when the table has none. */
  public int primaryKeyIndex() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).primaryKey()) {
        return i;
      }
    }
    return -1;
  }

  public boolean hasPrimaryKey() {
    return primaryKeyIndex() >= 0;
  }

  /** Index of the column with that name (case-insensitive), or -1. */
  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  public Optional<Column> column(String column) {
    int i = columnIndex(column);
    return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
  }

  /** Like {@link #columnIndex} but fails with a user-facing error naming the table. */
  public int requireColumn(String column) {
    int i = columnIndex(column);
    if (i < 0) {
      throw new DstException(ErrorCode.UNKNOWN_COLUMN,
          "table " + name + " has no column " + column);
    }
    return i;
  }

  public int columnCount() {
    return columns.size();
  }
}
