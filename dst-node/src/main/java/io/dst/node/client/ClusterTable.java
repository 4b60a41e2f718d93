package io.dst.node.client;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.log.Mutation;
import io.dst.engine.schema.TableSchema;
import io.dst.node.meta.TableMeta;
import io.dst.node.protocol.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One table of a cluster. Rows are placed by the hash of their primary key ({@link Partitioner}),
 * or spread round-robin when the table has none; key lookups go to one partition's primary, scans
 * and partial aggregates to the primary of the partition asked for, and filtered updates and deletes
 * to every partition. A multi-row insert is atomic within each partition, not across partitions.
 */
final class ClusterTable implements TableData {
  private final ClusterClient client;
  private final TableMeta meta;
  private final AtomicLong roundRobin;

  ClusterTable(ClusterClient client, TableMeta meta, AtomicLong roundRobin) {
    this.client = client;
    this.meta = meta;
    this.roundRobin = roundRobin;
  }

  @Override
  public TableSchema schema() {
    return meta.schema();
  }

  @Override
  public int partitionCount() {
    return meta.partitions();
  }

  private PartitionId partition(int p) {
    if (p < 0 || p >= meta.partitions()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + meta.name() + " has "
          + meta.partitions() + " partitions; there is no partition " + p);
    }
    return new PartitionId(meta.name(), p);
  }

  @Override
  public long rowCount() {
    long n = 0;
    for (Object part : everyPartition(p -> new Query.RowCount(meta.name()))) {
      n += ((Number) part).longValue();
    }
    return n;
  }

  @Override
  @SuppressWarnings("unchecked")
  public RowCursor scan(int partition, ScanSpec spec) {
    return RowCursor.of((List<Object[]>) client.read(partition(partition),
        new Query.Scan(meta.name(), spec)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Object[]> aggregate(int partition, AggregateSpec spec) {
    return (List<Object[]>) client.read(partition(partition),
        new Query.Aggregate(meta.name(), spec));
  }

  @Override
  public Optional<Object[]> get(Object primaryKey) {
    if (!meta.schema().hasPrimaryKey()) {
      throw new DstException(ErrorCode.UNSUPPORTED,
          "table " + meta.name() + " has no primary key to look rows up by");
    }
    int p = Partitioner.partitionOf(primaryKey, meta.partitions());
    return Optional.ofNullable((Object[]) client.read(partition(p),
        new Query.GetRow(meta.name(), primaryKey)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public RowCursor lookup(int column, Object value, int[] projection) {
    if (column == meta.schema().primaryKeyIndex()) {
      List<Object[]> rows = new ArrayList<>();
      get(value).ifPresent(row -> rows.add(project(row, projection)));
      return RowCursor.of(rows);
    }
    List<Object[]> rows = new ArrayList<>();
    for (Object part : everyPartition(p ->
        new Query.Lookup(meta.name(), column, value, projection))) {
      rows.addAll((List<Object[]>) part);
    }
    return RowCursor.of(rows);
  }

  private static Object[] project(Object[] row, int[] projection) {
    if (projection == null) {
      return row;
    }
    Object[] out = new Object[projection.length];
    for (int i = 0; i < projection.length; i++) {
      out[i] = row[projection[i]];
    }
    return out;
  }

  @Override
  public int insert(List<Object[]> rows) {
    int pk = meta.schema().primaryKeyIndex();
    Map<Integer, List<Object[]>> byPartition = new LinkedHashMap<>();
    for (Object[] row : rows) {
      if (row.length != meta.schema().columnCount()) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + meta.name() + " has "
            + meta.schema().columnCount() + " columns but a row has " + row.length + " values");
      }
      int p;
      if (pk >= 0) {
        if (row[pk] == null) {
          throw new DstException(ErrorCode.NOT_NULL_VIOLATION, "table " + meta.name()
              + ": primary key column " + meta.schema().columns().get(pk).name() + " is null");
        }
        p = Partitioner.partitionOf(row[pk], meta.partitions());
      } else {
        p = (int) Math.floorMod(roundRobin.getAndIncrement(), (long) meta.partitions());
      }
      byPartition.computeIfAbsent(p, k -> new ArrayList<>()).add(row);
    }
    List<Supplier<Object>> calls = new ArrayList<>();
    byPartition.forEach((p, part) ->
        calls.add(() -> client.write(new Mutation.Insert(meta.name(), p, part))));
    return sum(client.all(calls));
  }

  @Override
  public int update(Predicate filter, Map<Integer, Object> assignments) {
    if (assignments.containsKey(meta.schema().primaryKeyIndex())) {
      throw new DstException(ErrorCode.UNSUPPORTED, "table " + meta.name() + ": updating the "
          + "primary key column would move rows between partitions; delete and insert instead");
    }
    List<Supplier<Object>> calls = new ArrayList<>();
    for (int p = 0; p < meta.partitions(); p++) {
      int part = p;
      calls.add(() -> client.write(new Mutation.Update(meta.name(), part, filter, assignments)));
    }
    return sum(client.all(calls));
  }

  @Override
  public int delete(Predicate filter) {
    List<Supplier<Object>> calls = new ArrayList<>();
    for (int p = 0; p < meta.partitions(); p++) {
      int part = p;
      calls.add(() -> client.write(new Mutation.Delete(meta.name(), part, filter)));
    }
    return sum(client.all(calls));
  }

  private List<Object> everyPartition(java.util.function.IntFunction<Query> query) {
    List<Supplier<Object>> calls = new ArrayList<>();
    for (int p = 0; p < meta.partitions(); p++) {
      PartitionId id = partition(p);
      Query q = query.apply(p);
      calls.add(() -> client.read(id, q));
    }
    return client.all(calls);
  }

  private static int sum(List<Object> counts) {
    int n = 0;
    for (Object c : counts) {
      n += ((Number) c).intValue();
    }
    return n;
  }
}
