package io.dst.engine.schema;

/**
 * One column of a table. A primary-key column ({@code [p]}) is implicitly not nullable; an indexed
 * column ({@code [i]}) has a secondary hash index in every partition.
 */
public record Column(String name, ColumnType type, boolean primaryKey, boolean indexed, boolean nullable) {
  public Column {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(type, "type");
    if (primaryKey) {
      nullable = false;
    }
  }

  public static Column of(String name, ColumnType type) {
    return new Column(name, type, false, false, true);
  }
}
