package io.dst.sql;

import io.dst.engine.api.RowCursor;
import java.util.List;

/**
 * What running one statement produced: rows to read, a count of rows changed, or a message for a
 * command that neither returns rows nor changes a counted number of rows ({@code "ok"}).
 */
public sealed interface StatementResult {

  /** Rows in {@code columns} order; values are of each column's {@code javaClass}. */
  record Rows(List<ResultColumn> columns, RowCursor cursor) implements StatementResult {}

  record UpdateCount(long count) implements StatementResult {}

  record Message(String text) implements StatementResult {}
}
