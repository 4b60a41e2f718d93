package io.dst.engine.snapshot;

import io.dst.engine.schema.TableSchema;
import java.util.List;
import java.util.Map;

/**
 * The decoded content of one partition snapshot. Snapshots are written by {@link SnapshotWriter}
 * and read by {@link SnapshotReader}; the bytes depend only on the partition's logical content
 * (live rows in position order, kv keys sorted), never on its layout in memory, so replicas that
 * applied the same log produce byte-identical snapshots.
 */
public sealed interface Snapshot {
  /** One table definition: schema, partition count and the names of its extra indexes. */
  record TableDef(TableSchema schema, int partitions, List<String> extraIndexNames) {}

  /** A table partition: its table's definition and its live rows in position order. */
  record TablePart(TableDef table, int partition, List<Object[]> rows) implements Snapshot {}

  /**
   * A kv partition: str keys map to String, dict keys to an insertion-ordered Map; {@code
   * deadlines} holds the expiry deadline (epoch ms) of the keys that have one, in key order.
   */
  record KvPart(int partition, Map<String, Object> entries, Map<String, Long> deadlines)
      implements Snapshot {
    /** A kv partition without deadlines. */
    public KvPart(int partition, Map<String, Object> entries) {
      this(partition, entries, Map.of());
    }
  }

  /** The catalog: every table definition, by name order. */
  record Catalog(List<TableDef> tables) implements Snapshot {}
}
