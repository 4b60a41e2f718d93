package io.dst.sql.csv;

/** What a CSV import did: rows inserted, bytes read and the time it took. */
public record CsvImportResult(String table, long rows, long bytes, long nanos) {
  public double rowsPerSecond() {
    return rows / Math.max(1e-9, nanos / 1e9);
  }

  /** One line for people: "loaded 1,000,000 rows into task_table (52.1 MB, 3.2 s, 312,000 rows/s)". */
  public String describe() {
    return String.format("loaded %,d rows into %s (%.1f MB, %.1f s, %,.0f rows/s)", rows, table, bytes / 1e6,
        nanos / 1e9, rowsPerSecond());
  }
}
