package io.dst.node.protocol;

/**
 * Names one partition of one table, as ZooKeeper and the wire do. Key-value data lives in partitions
 * of the reserved table {@link #KV_TABLE}.
 */
public record PartitionRef(String table, int partition) {
  public static final String KV_TABLE = "$kv";

  public PartitionRef {
    java.util.Objects.requireNonNull(table, "table");
    if (partition < 0) {
      throw new IllegalArgumentException("negative partition " + partition);
    }
  }

  @Override
  public String toString() {
    return table + "/" + partition;
  }
}
