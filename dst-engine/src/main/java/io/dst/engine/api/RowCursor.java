package io.dst.engine.api;

/**
 * A forward-only stream of rows from a scan. Rows are {@code Object[]} in the scan's projection
 * order; the array handed out by {@link #next()} belongs to the caller. Close it to release what the
 * scan holds (a remote cursor frees server-side state).
 */
public interface RowCursor extends AutoCloseable {
  boolean hasNext();

  Object[] next();

  @Override
  default void close() {}

  static RowCursor of(java.util.List<Object[]> rows) {
    java.util.Iterator<Object[]> it = rows.iterator();
    return new RowCursor() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object[] next() {
        return it.next();
      }
    };
  }
}
