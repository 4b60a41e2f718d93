package io.dst.engine.expr;

/** One ORDER BY key: a column ordinal of the scanned table, its direction, and where nulls go. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {
  public static SortKey asc(int column) {
    return new SortKey(column, false, false);
  }

  public static SortKey desc(int column) {
    return new SortKey(column, true, true);
  }
}
