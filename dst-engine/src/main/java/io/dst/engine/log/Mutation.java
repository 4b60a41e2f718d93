package io.dst.engine.log;

import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.api.KvStore;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One write to a Dst store, as replicated in the log and applied by {@link
 * io.dst.engine.EmbeddedStore#apply(Mutation)}. Every mutation names the partition it belongs to
 * ({@link #target()}): table writes their table and partition, kv writes the {@code $kv} partition
 * of their key ({@link Partitioner#partitionOf} over {@link #KV_PARTITIONS}), and table DDL the
 * catalog. Values in rows and assignments use the engine's value classes (see {@link
 * io.dst.engine.schema.ScalarType}); arrays are {@code List}s.
 */
public sealed interface Mutation {
  /** How many partitions the kv key space is split into, in every store. */
  int KV_PARTITIONS = Partitioner.DEFAULT_KV_PARTITIONS;

  /** The partition whose log this mutation belongs to. */
  PartitionId target();

  private static PartitionId kvPartition(String key) {
    return new PartitionId(PartitionId.KV_TABLE, Partitioner.partitionOf(key, KV_PARTITIONS));
  }

  /** Sets a str key (replacing a str, failing on a dict). */
  record StrPut(String key, String value) implements Mutation {
    public StrPut {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /**
   * Sets a str key if {@code condition} holds, with an absolute deadline ({@link
   * KvStore#NO_EXPIRY}, {@link KvStore#KEEP_EXPIRY} or epoch ms); the result is whether it was
   * written. {@code nowMillis} is the clock of the server that took the request: a key whose
   * deadline is not after it counts as absent, so every replica decides the condition alike.
   */
  record StrSet(String key, String value, KvStore.SetCondition condition, long expiresAtMillis,
      long nowMillis) implements Mutation {
    public StrSet {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(condition, "condition");
      if (expiresAtMillis < KvStore.KEEP_EXPIRY) {
        throw new IllegalArgumentException("deadline " + expiresAtMillis + " is negative");
      }
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /**
   * Gives a live key the deadline {@code expiresAtMillis} if {@code condition} holds for its
   * current one (deleting the key when the new deadline is not after {@code nowMillis}), or with
   * {@link KvStore#NO_EXPIRY} removes its deadline; the result is whether the key existed and the
   * condition held (for removal: whether it had a deadline).
   */
  record Expire(String key, long expiresAtMillis, long nowMillis,
      KvStore.ExpiryCondition condition) implements Mutation {
    public Expire {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(condition, "condition");
      if (expiresAtMillis < 0) {
        throw new IllegalArgumentException("deadline " + expiresAtMillis + " is negative");
      }
      if (expiresAtMillis == KvStore.NO_EXPIRY && condition != KvStore.ExpiryCondition.ALWAYS) {
        throw new IllegalArgumentException("removing a deadline takes no condition, got "
            + condition);
      }
    }

    /** An unconditional expire (EXPIRE without options) or, with no deadline, PERSIST. */
    public Expire(String key, long expiresAtMillis, long nowMillis) {
      this(key, expiresAtMillis, nowMillis, KvStore.ExpiryCondition.ALWAYS);
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /**
   * Deletes a key only if its deadline is still {@code deadlineMillis}: the primary's expiry of a
   * key it found due, harmless if the key was set again (with another or no deadline) meanwhile.
   * The result is whether it deleted.
   */
  record DropExpired(String key, long deadlineMillis) implements Mutation {
    public DropExpired {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /**
   * Several kv writes of one {@code $kv} partition as one log entry (group commit of a client's
   * pipelined writes): applied in order, each on its own, so one failing does not undo the
   * others; the result is a {@code List<ApplyResult>}, one per write. A write of another partition
   * or a nested batch fails on its own with INVALID_ARGUMENT.
   */
  record KvBatch(int partition, List<Mutation> mutations) implements Mutation {
    public KvBatch {
      if (partition < 0 || partition >= KV_PARTITIONS) {
        throw new IllegalArgumentException("kv partition " + partition + " out of range");
      }
      mutations = List.copyOf(mutations);
    }

    @Override
    public PartitionId target() {
      return new PartitionId(PartitionId.KV_TABLE, partition);
    }

    @Override
    public String toString() {
      return "KvBatch[" + partition + ", " + mutations.size() + " writes]";
    }
  }

  /** Deletes a key whatever type it holds (like Redis DEL); the result is whether it existed. */
  record StrDelete(String key) implements Mutation {
    public StrDelete {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /** Adds {@code delta} to a str holding a decimal long; the result is the new value. */
  record StrIncr(String key, long delta) implements Mutation {
    public StrIncr {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /** Appends to a str; the result is the new length in UTF-8 bytes. */
  record StrAppend(String key, String suffix) implements Mutation {
    public StrAppend {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(suffix, "suffix");
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /** Puts fields into a dict in the given order; the result is how many fields were new. */
  record DictPut(String key, Map<String, String> fields) implements Mutation {
    public DictPut {
      Objects.requireNonNull(key, "key");
      // One field (HSET's usual case) needs no ordered copy; Map.copyOf keeps an immutable one as is.
      fields = fields.size() == 1 && noNulls(fields.entrySet().iterator().next())
          ? Map.copyOf(fields) : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    private static boolean noNulls(Map.Entry<String, String> e) {
      return e.getKey() != null && e.getValue() != null;
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /** Removes fields from a dict; the result is how many existed. */
  record DictDelete(String key, List<String> fields) implements Mutation {
    public DictDelete {
      Objects.requireNonNull(key, "key");
      fields = List.copyOf(fields);
    }

    @Override
    public PartitionId target() {
      return kvPartition(key);
    }
  }

  /** Creates a table split into {@code partitions} partitions; the result is whether it was created. */
  record CreateTable(TableSchema schema, int partitions, boolean ifNotExists) implements Mutation {
    public CreateTable {
      Objects.requireNonNull(schema, "schema");
    }

    @Override
    public PartitionId target() {
      return PartitionId.CATALOG;
    }
  }

  /** Drops a table and all its partitions; the result is whether it existed. */
  record DropTable(String table, boolean ifExists) implements Mutation {
    public DropTable {
      Objects.requireNonNull(table, "table");
    }

    @Override
    public PartitionId target() {
      return PartitionId.CATALOG;
    }
  }

  /** Adds a named secondary index over one or more columns, built in every local partition. */
  record CreateIndex(String table, String indexName, List<String> columns) implements Mutation {
    public CreateIndex {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(indexName, "indexName");
      columns = List.copyOf(columns);
    }

    @Override
    public PartitionId target() {
      return PartitionId.CATALOG;
    }
  }

  /**
   * Inserts full rows (schema order) into one partition, all or none. The caller has already routed
   * each row by its primary key (or hidden row id) to this partition.
   */
  record Insert(String table, int partition, List<Object[]> rows) implements Mutation {
    public Insert {
      Objects.requireNonNull(table, "table");
      List<Object[]> copy = new ArrayList<>(rows.size());
      for (Object[] r : rows) {
        copy.add(r.clone());
      }
      rows = Collections.unmodifiableList(copy);
    }

    @Override
    public PartitionId target() {
      return new PartitionId(table, partition);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Insert other) || !table.equals(other.table) || partition != other.partition
          || rows.size() != other.rows.size()) {
        return false;
      }
      for (int i = 0; i < rows.size(); i++) {
        if (!Arrays.deepEquals(rows.get(i), other.rows.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = table.hashCode() * 31 + partition;
      for (Object[] r : rows) {
        h = h * 31 + Arrays.deepHashCode(r);
      }
      return h;
    }

    @Override
    public String toString() {
      return "Insert[" + table + "/" + partition + ", " + rows.size() + " rows]";
    }
  }

  /** Sets columns (by ordinal) to constants on every row of one partition passing the filter. */
  record Update(String table, int partition, Predicate filter, Map<Integer, Object> assignments)
      implements Mutation {
    public Update {
      Objects.requireNonNull(table, "table");
      filter = filter == null ? Predicate.alwaysTrue() : filter;
      // Sorted by ordinal so that the encoding, and so the log, is canonical.
      assignments = Collections.unmodifiableMap(new TreeMap<>(assignments));
    }

    @Override
    public PartitionId target() {
      return new PartitionId(table, partition);
    }
  }

  /** Deletes every row of one partition passing the filter. */
  record Delete(String table, int partition, Predicate filter) implements Mutation {
    public Delete {
      Objects.requireNonNull(table, "table");
      filter = filter == null ? Predicate.alwaysTrue() : filter;
    }

    @Override
    public PartitionId target() {
      return new PartitionId(table, partition);
    }
  }
}
