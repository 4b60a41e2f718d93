package io.dst.node.metrics;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.schema.TableSchema;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Memory held by each table in this node's local store (the engine's estimate of columns,
 * dictionaries and indexes over the partitions this node holds), one gauge per table, reconciled
 * with the store's tables before every scrape.
 */
final class TableMemoryMetrics {
  static final String TABLE_MEMORY = "dst.table.memory";

  private final MeterRegistry registry;
  private final EmbeddedStore store;
  private final Map<String, Gauge> byTable = new HashMap<>();

  TableMemoryMetrics(MeterRegistry registry, EmbeddedStore store) {
    this.registry = registry;
    this.store = store;
  }

  synchronized void refresh() {
    Set<String> names = new HashSet<>();
    for (TableSchema t : store.tables()) {
      names.add(t.name());
    }
    byTable.entrySet().removeIf(e -> {
      boolean gone = !names.contains(e.getKey());
      if (gone) {
        registry.remove(e.getValue());
      }
      return gone;
    });
    for (String name : names) {
      byTable.computeIfAbsent(name, n -> Gauge.builder(TABLE_MEMORY, store, s -> s.tableBytes(n))
          .description("Estimated bytes of a table's columns, dictionaries and indexes on this node")
          .baseUnit("bytes").tag("table", n).register(registry));
    }
  }
}
