package io.dst.engine.dump;

import java.util.Map;

/** What a dump held (or a load restored): rows per table in dump order, kv keys, and file bytes. */
public record DumpSummary(DumpHeader header, Map<String, Long> rowsPerTable, long kvKeys, long bytes) {
  public DumpSummary {
    rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerTable));
  }

  public long totalRows() {
    return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line for people: "2 tables, 1,000,000 rows, 42 kv keys, 31.2 MB". */
  public String describe() {
    return String.format("%d table%s, %,d rows, %,d kv keys, %.1f MB", rowsPerTable.size(),
        rowsPerTable.size() == 1 ? "" : "s", totalRows(), kvKeys, bytes / 1e6);
  }
}
