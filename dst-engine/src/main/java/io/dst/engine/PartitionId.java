package io.dst.engine;

import java.util.Objects;

/**
 * Names one unit of replication and snapshotting: a partition of a table, of the kv key space
 * (table {@link #KV_TABLE}), or the catalog ({@link #CATALOG}, partition 0), which holds table
 * schemas and index definitions.
 */
public record PartitionId(String table, int partition) {
  /** The reserved table name under which kv keys are partitioned. */
  public static final String KV_TABLE = "$kv";
  /** The reserved table name of the catalog (table and index definitions). */
  public static final String CATALOG_TABLE = "$catalog";
  /** The single catalog partition. */
  public static final PartitionId CATALOG = new PartitionId(CATALOG_TABLE, 0);

  public PartitionId {
    Objects.requireNonNull(table, "table");
    if (partition < 0) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "partition number must not be negative, got " + partition + " for table " + table);
    }
  }

  public boolean isKv() {
    return KV_TABLE.equals(table);
  }

  public boolean isCatalog() {
    return CATALOG_TABLE.equals(table);
  }

  @Override
  public String toString() {
    return table + "/" + partition;
  }
}
