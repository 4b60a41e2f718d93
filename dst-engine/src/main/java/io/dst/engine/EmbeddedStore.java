package io.dst.engine;

import io.dst.engine.api.DataStore;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.TableData;
import io.dst.engine.eval.PredicateCompiler;
import io.dst.engine.kv.KvPartition;
import io.dst.engine.log.ApplyResult;
import io.dst.engine.log.Mutation;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.TableSchema;
import io.dst.engine.snapshot.Snapshot;
import io.dst.engine.snapshot.SnapshotReader;
import io.dst.engine.snapshot.SnapshotWriter;
import io.dst.engine.table.Guarded;
import io.dst.engine.table.TablePartition;
import io.dst.engine.table.TableState;
import io.dst.engine.table.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory Dst store: a catalog of tables split into hash partitions, and a kv key space split
 * into {@link Mutation#KV_PARTITIONS} partitions. It is a deterministic state machine: every write
 * is a {@link Mutation} given to {@link #apply(Mutation)}, including the writes made through {@link
 * #table(String)} and {@link #kv()}, so a replica applying the same log reaches the same state, and
 * {@link #writeSnapshot} of any partition is byte-identical across such replicas. A cluster node
 * applies only the mutations of the partitions it holds; the others simply stay empty.
 *
 * <p>Concurrency: see the package documentation.
 */
public final class EmbeddedStore implements DataStore {
  /** Partitions per table when the creator does not say. */
  public static final int DEFAULT_PARTITIONS = 8;
  private static final int MAX_PARTITIONS = 1 << 16;
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);

  private final int defaultPartitions;
  private final Map<String, TableState> catalog = new ConcurrentHashMap<>();
  private final Object catalogLock = new Object();
  private final List<Guarded<KvPartition>> kvSlots = new ArrayList<>();
  /** Serialises the local write path, so checks that span partitions hold when it applies. */
  private final ReentrantLock writePath = new ReentrantLock();
  /** Held shared by kv writes and exclusively by a read at one instant (see {@link #applyKv}). */
  private final java.util.concurrent.locks.ReentrantReadWriteLock instant =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  private final EmbeddedKv kv = new EmbeddedKv(this);
  private final LongSupplier clock;

  public EmbeddedStore() {
    this(DEFAULT_PARTITIONS);
  }

  /** A store whose tables get {@code defaultPartitions} partitions each. */
  public EmbeddedStore(int defaultPartitions) {
    this(defaultPartitions, System::currentTimeMillis);
  }

  /**
   * A store whose kv reads and local expiring writes take the time from {@code clockMillis}
   * (epoch ms); tests pin it. {@link #apply} never reads it: mutations carry their time.
   */
  public EmbeddedStore(int defaultPartitions, LongSupplier clockMillis) {
    this.clock = java.util.Objects.requireNonNull(clockMillis, "clockMillis");
    if (defaultPartitions < 1 || defaultPartitions > MAX_PARTITIONS) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "partition count must be in 1.." + MAX_PARTITIONS + ", got " + defaultPartitions);
    }
    this.defaultPartitions = defaultPartitions;
    for (int i = 0; i < Mutation.KV_PARTITIONS; i++) {
      kvSlots.add(new Guarded<>(new KvPartition(), false));
    }
  }

  public int defaultPartitions() {
    return defaultPartitions;
  }

  /** The store's wall clock in epoch ms (kv reads treat keys due by it as absent). */
  public long nowMillis() {
    return clock.getAsLong();
  }

  // ------------------------------------------------------------------ DataStore

  @Override
  public List<TableSchema> tables() {
    List<TableSchema> out = new ArrayList<>();
    for (TableState t : catalog.values()) {
      out.add(t.schema());
    }
    out.sort(Comparator.comparing(TableSchema::name));
    return out;
  }

  @Override
  public Optional<TableData> table(String name) {
    TableState t = catalog.get(name.toLowerCase(java.util.Locale.ROOT));
    return t == null ? Optional.empty() : Optional.of(new EmbeddedTable(this, t));
  }

  @Override
  public boolean createTable(TableSchema schema, boolean ifNotExists) {
    return createTable(schema, defaultPartitions, ifNotExists);
  }

  /** Creates a table with an explicit partition count. */
  public boolean createTable(TableSchema schema, int partitions, boolean ifNotExists) {
    return submit(new Mutation.CreateTable(schema, partitions, ifNotExists)).booleanValue();
  }

  @Override
  public boolean dropTable(String name, boolean ifExists) {
    return submit(new Mutation.DropTable(name.toLowerCase(java.util.Locale.ROOT), ifExists)).booleanValue();
  }

  @Override
  public void createIndex(String table, String indexName, List<String> columns) {
    submit(new Mutation.CreateIndex(table.toLowerCase(java.util.Locale.ROOT), indexName, columns)).orThrow();
  }

  @Override
  public KvStore kv() {
    return kv;
  }

  /** Applies a mutation on the local write path (serialised with other local writes). */
  ApplyResult submit(Mutation m) {
    writePath.lock();
    try {
      return apply(m);
    } finally {
      writePath.unlock();
    }
  }

  /** Runs {@code action} holding the local write path, for writes made of several mutations. */
  <R> R onWritePath(java.util.function.Supplier<R> action) {
    writePath.lock();
    try {
      return action.get();
    } finally {
      writePath.unlock();
    }
  }

  /**
   * Runs a read of several partitions that must see them all at one instant (a dump): it holds the
   * local write path, so writes through {@link #table} and {@link #kv()} wait until it returns.
   * Mutations given straight to {@link #apply} (a node's replication) are not held back.
   */
  public <R> R readAtOneInstant(java.util.function.Supplier<R> read) {
    instant.writeLock().lock();
    try {
      return onWritePath(read);
    } finally {
      instant.writeLock().unlock();
    }
  }

  /**
   * Applies a kv write of {@link #kv()}: kv writes need no store-wide order among themselves (each
   * is one partition's mutation), so they share {@code instant} and only wait for a {@link
   * #readAtOneInstant}.
   */
  ApplyResult applyKv(Mutation m) {
    instant.readLock().lock();
    try {
      return apply(m);
    } finally {
      instant.readLock().unlock();
    }
  }

  // ------------------------------------------------------------------ state machine

  /**
   * Applies one mutation and returns its result. Deterministic: the result and the new state depend
   * only on the current state and the mutation. A mutation that fails (unknown table, duplicate
   * key, type error, wrong kv type) changes nothing and fails the same way on every replica. Safe to
   * call from several threads; mutations of one partition are applied one at a time.
   */
  public ApplyResult apply(Mutation m) {
    try {
      return ApplyResult.ok(applyOrThrow(m));
    } catch (DstException e) {
      return ApplyResult.failed(e);
    } catch (RuntimeException e) {
      LOG.error("internal error applying {}", m, e);
      return ApplyResult.failed(new DstException(ErrorCode.INTERNAL,
          "internal error applying " + m.getClass().getSimpleName() + ": " + e, e));
    }
  }

  private Object applyOrThrow(Mutation m) {
    if (m instanceof Mutation.KvBatch b) {
      return applyBatch(b);
    }
    if (isKvWrite(m)) {
      return kvSlot(m).write(kv -> applyKv(kv, m));
    }
    if (m instanceof Mutation.CreateTable c) {
      return applyCreateTable(c);
    }
    if (m instanceof Mutation.DropTable d) {
      synchronized (catalogLock) {
        if (catalog.remove(d.table()) != null) {
          return true;
        }
        if (d.ifExists()) {
          return false;
        }
        throw unknownTable(d.table());
      }
    }
    if (m instanceof Mutation.CreateIndex c) {
      synchronized (catalogLock) {
        TableState t = requireTable(c.table());
        if (c.columns().isEmpty()) {
          throw new DstException(ErrorCode.INVALID_ARGUMENT, "index " + c.indexName() + " on table "
              + c.table() + " names no columns");
        }
        int[] ordinals = new int[c.columns().size()];
        for (int i = 0; i < ordinals.length; i++) {
          ordinals[i] = t.schema().requireColumn(c.columns().get(i));
        }
        t.addIndex(c.indexName(), ordinals);
        return null;
      }
    }
    if (m instanceof Mutation.Insert ins) {
      TableState t = requireTable(ins.table());
      TableSchema schema = t.schema();
      List<Object[]> rows = new ArrayList<>(ins.rows().size());
      int pk = schema.primaryKeyIndex();
      for (Object[] row : ins.rows()) {
        Object[] canonical = Values.canonicalRow(schema, row);
        if (pk >= 0) {
          int home = Partitioner.partitionOf(canonical[pk], t.partitionCount());
          if (home != ins.partition()) {
            throw new DstException(ErrorCode.INVALID_ARGUMENT, "row with primary key "
                + Values.render(canonical[pk]) + " belongs to partition " + home + " of table "
                + schema.name() + ", not " + ins.partition());
          }
        }
        rows.add(canonical);
      }
      return t.slot(ins.partition()).write(p -> p.insert(rows));
    }
    if (m instanceof Mutation.Update u) {
      TableState t = requireTable(u.table());
      Map<Integer, Object> assignments = canonicalAssignments(t.schema(), u.assignments());
      return t.slot(u.partition()).write(p -> p.update(u.filter(), assignments));
    }
    if (m instanceof Mutation.Delete d) {
      TableState t = requireTable(d.table());
      return t.slot(d.partition()).write(p -> p.delete(d.filter()));
    }
    throw new DstException(ErrorCode.UNSUPPORTED, "unknown mutation " + m);
  }

  private Object applyCreateTable(Mutation.CreateTable c) {
    TableSchema schema = c.schema();
    if (schema.name().isEmpty() || schema.name().startsWith("$")) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "table name \"" + schema.name()
          + "\" is not allowed (names starting with $ are reserved)");
    }
    if (c.partitions() < 1 || c.partitions() > MAX_PARTITIONS) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + schema.name()
          + ": partition count must be in 1.." + MAX_PARTITIONS + ", got " + c.partitions());
    }
    for (Column col : schema.columns()) {
      if (col.primaryKey() && col.type().array()) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + schema.name()
            + ": primary-key column " + col.name() + " cannot be an array (" + col.type() + ")");
      }
    }
    for (List<String> idx : schema.extraIndexes()) {
      for (String col : idx) {
        schema.requireColumn(col);
      }
    }
    synchronized (catalogLock) {
      if (catalog.containsKey(schema.name())) {
        if (c.ifNotExists()) {
          return false;
        }
        throw new DstException(ErrorCode.TABLE_EXISTS, "table " + schema.name() + " already exists");
      }
      catalog.put(schema.name(), new TableState(schema, c.partitions(), List.of()));
      return true;
    }
  }

  /** Validates update assignments: known columns, not the primary key, values of the right type. */
  static Map<Integer, Object> canonicalAssignments(TableSchema schema, Map<Integer, Object> assignments) {
    if (assignments.isEmpty()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "update of table " + schema.name()
          + " sets no columns");
    }
    Map<Integer, Object> out = new java.util.TreeMap<>();
    for (Map.Entry<Integer, Object> e : assignments.entrySet()) {
      int c = e.getKey();
      if (c < 0 || c >= schema.columnCount()) {
        throw new DstException(ErrorCode.UNKNOWN_COLUMN, "table " + schema.name() + " has no column #" + c);
      }
      if (schema.columns().get(c).primaryKey()) {
        throw new DstException(ErrorCode.UNSUPPORTED, "table " + schema.name()
            + ": cannot update primary-key column " + schema.columns().get(c).name()
            + "; delete the row and insert it with the new key");
      }
      out.put(c, Values.canonical(schema, c, e.getValue()));
    }
    return out;
  }

  /** Validates a filter against a schema (column ordinals, literal types) without running it. */
  static void validateFilter(TableSchema schema, io.dst.engine.expr.Predicate filter) {
    PredicateCompiler.validate(schema, filter);
  }

  // ------------------------------------------------------------------ expiry

  /**
   * The expiry that must be applied before {@code m} so that {@code m} finds its key absent: a
   * {@link Mutation.DropExpired} when {@code m} is a kv write whose key is due at {@code nowMillis},
   * otherwise null. The mutations that carry their own time (set, expire) need none.
   */
  public Mutation.DropExpired expiryBefore(Mutation m, long nowMillis) {
    if (m instanceof Mutation.KvBatch) {
      return null; // see withExpiries
    }
    String key;
    if (m instanceof Mutation.StrPut p) {
      key = p.key();
    } else if (m instanceof Mutation.StrDelete d) {
      key = d.key();
    } else if (m instanceof Mutation.StrIncr i) {
      key = i.key();
    } else if (m instanceof Mutation.StrAppend a) {
      key = a.key();
    } else if (m instanceof Mutation.DictPut p) {
      key = p.key();
    } else if (m instanceof Mutation.DictDelete d) {
      key = d.key();
    } else {
      return null;
    }
    return kvSlot(m).read(kv -> kv.expired(key, nowMillis)
        ? new Mutation.DropExpired(key, kv.deadline(key)) : null);
  }

  /**
   * {@code batch} with the expiry of each due key it writes put just before the first write to
   * it (as {@link #expiryBefore} does for one write), or {@code batch} itself when none is due.
   */
  public Mutation.KvBatch withExpiries(Mutation.KvBatch batch, long nowMillis) {
    if (!kvSlots.get(batch.partition()).read(KvPartition::hasDeadlines)) {
      return batch;
    }
    List<Mutation> out = null;
    java.util.Set<String> dropped = new java.util.HashSet<>();
    for (int i = 0; i < batch.mutations().size(); i++) {
      Mutation each = batch.mutations().get(i);
      Mutation.DropExpired due = each.target().equals(batch.target())
          ? expiryBefore(each, nowMillis) : null;
      if (due != null && dropped.add(due.key())) {
        if (out == null) {
          out = new ArrayList<>(batch.mutations().subList(0, i));
        }
        out.add(due);
      }
      if (out != null) {
        out.add(each);
      }
    }
    return out == null ? batch : new Mutation.KvBatch(batch.partition(), out);
  }

  /** Up to {@code max} keys of kv partition {@code partition} due at {@code nowMillis}, as drops. */
  public List<Mutation.DropExpired> dueExpiries(int partition, long nowMillis, int max) {
    Map<String, Long> due = new java.util.LinkedHashMap<>();
    kvSlots.get(partition).read(kv -> {
      kv.due(nowMillis, max, due);
      return null;
    });
    List<Mutation.DropExpired> out = new ArrayList<>(due.size());
    due.forEach((k, d) -> out.add(new Mutation.DropExpired(k, d)));
    return out;
  }

  /**
   * Deletes up to {@code max} due keys of every kv partition, for a store that is not replicated
   * (a replicated store's primary sends {@link #dueExpiries} through its log instead). Returns how
   * many it deleted.
   */
  public int expireDueKeys(int max) {
    int n = 0;
    long now = clock.getAsLong();
    for (int p = 0; p < kvSlots.size(); p++) {
      for (Mutation.DropExpired d : dueExpiries(p, now, max)) {
        if (Boolean.TRUE.equals(apply(d).value())) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * A kv batch under one hold of its partition's write lock (a batch is one log entry, and a
   * pipelining client sends many): each write gets its own result, and one that fails, or names
   * another partition, fails alone.
   */
  private List<ApplyResult> applyBatch(Mutation.KvBatch b) {
    List<Mutation> writes = b.mutations();
    return kvSlots.get(b.partition()).write(kv -> {
      List<ApplyResult> results = new ArrayList<>(writes.size());
      for (Mutation each : writes) {
        if (!isKvWrite(each) || each.target().partition() != b.partition()) {
          results.add(ApplyResult.failed(new DstException(ErrorCode.INVALID_ARGUMENT,
              "a kv batch of " + b.target() + " cannot hold " + each)));
          continue;
        }
        try {
          results.add(ApplyResult.ok(applyKv(kv, each)));
        } catch (DstException e) {
          results.add(ApplyResult.failed(e));
        } catch (RuntimeException e) {
          LOG.error("internal error applying {}", each, e);
          results.add(ApplyResult.failed(new DstException(ErrorCode.INTERNAL,
              "internal error applying " + each.getClass().getSimpleName() + ": " + e, e)));
        }
      }
      return results;
    });
  }

  private static boolean isKvWrite(Mutation m) {
    return m instanceof Mutation.StrPut || m instanceof Mutation.StrDelete
        || m instanceof Mutation.StrSet || m instanceof Mutation.Expire
        || m instanceof Mutation.DropExpired || m instanceof Mutation.StrIncr
        || m instanceof Mutation.StrAppend || m instanceof Mutation.DictPut
        || m instanceof Mutation.DictDelete;
  }

  /** Applies kv write {@code m} (one {@link #isKvWrite} accepts) to its partition {@code kv}. */
  private static Object applyKv(KvPartition kv, Mutation m) {
    if (m instanceof Mutation.StrPut p) {
      kv.put(p.key(), p.value());
      return null;
    }
    if (m instanceof Mutation.StrDelete d) {
      return kv.delete(d.key());
    }
    if (m instanceof Mutation.StrSet p) {
      return kv.set(p.key(), p.value(), p.condition(), p.expiresAtMillis(), p.nowMillis());
    }
    if (m instanceof Mutation.Expire e) {
      return kv.expire(e.key(), e.expiresAtMillis(), e.nowMillis(), e.condition());
    }
    if (m instanceof Mutation.DropExpired d) {
      return kv.dropExpired(d.key(), d.deadlineMillis());
    }
    if (m instanceof Mutation.StrIncr i) {
      return kv.incrementBy(i.key(), i.delta());
    }
    if (m instanceof Mutation.StrAppend a) {
      return kv.append(a.key(), a.suffix());
    }
    if (m instanceof Mutation.DictPut p) {
      return kv.dictPut(p.key(), p.fields());
    }
    if (m instanceof Mutation.DictDelete d) {
      return kv.dictDelete(d.key(), d.fields());
    }
    throw new IllegalArgumentException("not a kv write: " + m);
  }

  private Guarded<KvPartition> kvSlot(Mutation m) {
    return kvSlots.get(m.target().partition());
  }

  Guarded<KvPartition> kvSlotOf(String key) {
    return kvSlots.get(Partitioner.partitionOf(key, Mutation.KV_PARTITIONS));
  }

  List<Guarded<KvPartition>> kvSlots() {
    return kvSlots;
  }

  private TableState requireTable(String name) {
    TableState t = catalog.get(name);
    if (t == null) {
      throw unknownTable(name);
    }
    return t;
  }

  private static DstException unknownTable(String name) {
    return new DstException(ErrorCode.UNKNOWN_TABLE, "table " + name + " does not exist");
  }

  // ------------------------------------------------------------------ snapshots

  /**
   * Writes the snapshot of one partition: a table partition, a {@code $kv} partition, or the
   * catalog ({@link PartitionId#CATALOG}). The snapshot is consistent: taken under the partition's
   * read lock, so it reflects a whole number of mutations.
   */
  public void writeSnapshot(PartitionId id, OutputStream out) {
    try {
      out.write(snapshotBytes(id));
    } catch (IOException e) {
      throw new UncheckedIOException("writing snapshot of " + id, e);
    }
  }

  /** The snapshot of one partition as bytes (see {@link #writeSnapshot}). */
  public byte[] snapshotBytes(PartitionId id) {
    if (id.isCatalog()) {
      List<Snapshot.TableDef> defs = new ArrayList<>();
      for (TableSchema s : tables()) {
        TableState t = catalog.get(s.name());
        if (t != null) {
          defs.add(new Snapshot.TableDef(t.schema(), t.partitionCount(), t.extraIndexNames()));
        }
      }
      return SnapshotWriter.catalog(defs);
    }
    if (id.isKv()) {
      if (id.partition() >= kvSlots.size()) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "there is no kv partition " + id.partition());
      }
      return kvSlots.get(id.partition()).read(kv -> SnapshotWriter.kv(id.partition(), kv.export(),
          kv.exportDeadlines()));
    }
    TableState t = requireTable(id.table());
    return t.slot(id.partition()).read(p -> {
      List<Object[]> rows = new ArrayList<>((int) p.rowCount());
      p.forEachLive(pos -> rows.add(p.row(pos, null)) || true);
      Snapshot.TableDef def = new Snapshot.TableDef(p.schema(), t.partitionCount(), t.extraIndexNames());
      return SnapshotWriter.table(def, id.partition(), rows);
    });
  }

  /**
   * Replaces one partition's state with a snapshot. A table partition's snapshot carries its
   * table's definition, so it can be loaded into a store that does not know the table yet; if the
   * store knows it, the definitions must agree. Loading the catalog adds the tables it lists that
   * the store lacks. A corrupt snapshot is refused with CORRUPT_DATA and changes nothing.
   */
  public void loadSnapshot(PartitionId id, InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading snapshot of " + id, e);
    }
    loadSnapshot(id, bytes);
  }

  /** Loads a snapshot from bytes (see {@link #loadSnapshot(PartitionId, InputStream)}). */
  public void loadSnapshot(PartitionId id, byte[] bytes) {
    Snapshot s = SnapshotReader.read(bytes, id);
    if (s instanceof Snapshot.Catalog cat) {
      synchronized (catalogLock) {
        for (Snapshot.TableDef def : cat.tables()) {
          ensureTable(def, id);
        }
      }
    } else if (s instanceof Snapshot.KvPart kvPart) {
      if (id.partition() >= kvSlots.size()) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "there is no kv partition " + id.partition());
      }
      kvSlots.get(id.partition()).replace(KvPartition.of(kvPart.entries(), kvPart.deadlines()));
    } else if (s instanceof Snapshot.TablePart part) {
      TableState t;
      synchronized (catalogLock) {
        t = ensureTable(part.table(), id);
      }
      TablePartition fresh = new TablePartition(t.schema(), id.partition(), t.indexDefs());
      List<Object[]> rows = new ArrayList<>(part.rows().size());
      for (Object[] row : part.rows()) {
        rows.add(Values.canonicalRow(t.schema(), row));
      }
      fresh.insert(rows);
      t.slot(id.partition()).replace(fresh);
    }
  }

  private TableState ensureTable(Snapshot.TableDef def, PartitionId id) {
    TableState t = catalog.get(def.schema().name());
    if (t == null) {
      t = new TableState(def.schema(), def.partitions(), def.extraIndexNames());
      catalog.put(def.schema().name(), t);
      return t;
    }
    if (!t.schema().columns().equals(def.schema().columns()) || t.partitionCount() != def.partitions()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "snapshot of " + id + " describes table "
          + def.schema().name() + " differently from this store (columns or partition count differ)");
    }
    return t;
  }

  /**
   * Approximate bytes held by one table's partitions (columns, dictionaries, indexes), 0 for an
   * unknown table; takes each partition's read lock in turn, so it is for metrics, not hot paths.
   */
  public long tableBytes(String name) {
    TableState t = catalog.get(name.toLowerCase(java.util.Locale.ROOT));
    if (t == null) {
      return 0;
    }
    long n = 0;
    for (int p = 0; p < t.partitionCount(); p++) {
      n += t.slot(p).read(TablePartition::bytes);
    }
    return n;
  }

  /** Approximate bytes held by all table partitions (columns, dictionaries, indexes). */
  public long tableBytes() {
    long n = 0;
    for (TableState t : catalog.values()) {
      for (int p = 0; p < t.partitionCount(); p++) {
        n += t.slot(p).read(TablePartition::bytes);
      }
    }
    return n;
  }
}
