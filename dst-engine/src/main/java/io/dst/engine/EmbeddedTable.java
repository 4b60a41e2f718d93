package io.dst.engine;

import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.PartialGroups;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.log.Mutation;
import io.dst.engine.schema.TableSchema;
import io.dst.engine.table.TableState;
import io.dst.engine.table.Values;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link TableData} over the local partitions of an {@link EmbeddedStore}. Reads take one
 * partition's read lock for their duration; writes are validated in full (types, keys across all
 * partitions) on the store's write path and then applied as one {@link Mutation} per touched
 * partition, so a failed write changes nothing.
 */
final class EmbeddedTable implements TableData {
  private final EmbeddedStore store;
  private final TableState state;

  EmbeddedTable(EmbeddedStore store, TableState state) {
    this.store = store;
    this.state = state;
  }

  @Override
  public TableSchema schema() {
    return state.schema();
  }

  @Override
  public int partitionCount() {
    return state.partitionCount();
  }

  @Override
  public long rowCount() {
    long n = 0;
    for (int p = 0; p < state.partitionCount(); p++) {
      n += state.slot(p).read(tp -> tp.rowCount());
    }
    return n;
  }

  @Override
  public RowCursor scan(int partition, ScanSpec spec) {
    return RowCursor.of(state.slot(partition).read(tp -> tp.scan(spec)));
  }

  @Override
  public List<Object[]> aggregate(int partition, AggregateSpec spec) {
    return state.slot(partition).read(tp -> tp.aggregate(spec));
  }

  @Override
  public PartialGroups aggregateColumns(int partition, AggregateSpec spec) {
    return state.slot(partition).read(tp -> tp.aggregateColumns(spec));
  }

  @Override
  public Optional<Object[]> get(Object primaryKey) {
    Object key = canonicalKey(primaryKey);
    if (key == null) {
      return Optional.empty();
    }
    int p = Partitioner.partitionOf(key, state.partitionCount());
    return Optional.ofNullable(state.slot(p).read(tp -> tp.get(key)));
  }

  private Object canonicalKey(Object value) {
    TableSchema schema = state.schema();
    int pk = schema.primaryKeyIndex();
    if (pk < 0) {
      throw new DstException(ErrorCode.UNSUPPORTED,
          "table " + schema.name() + " has no primary key; query it with a filter instead");
    }
    if (value == null) {
      return null;
    }
    Object key = Values.convert(schema.columns().get(pk).type(), value);
    if (key == null) {
      throw new DstException(ErrorCode.TYPE_MISMATCH, "table " + schema.name() + ", column "
          + schema.columns().get(pk).name() + ": expected " + schema.columns().get(pk).type()
          + " but got " + Values.render(value));
    }
    return key;
  }

  @Override
  public RowCursor lookup(int column, Object value, int[] projection) {
    TableSchema schema = state.schema();
    if (column < 0 || column >= schema.columnCount()) {
      throw new DstException(ErrorCode.UNKNOWN_COLUMN, "table " + schema.name() + " has no column #" + column);
    }
    if (value == null) {
      return RowCursor.of(List.of());
    }
    if (column == schema.primaryKeyIndex()) {
      Optional<Object[]> row = get(value);
      if (row.isEmpty()) {
        return RowCursor.of(List.of());
      }
      Object[] full = row.get();
      if (projection == null) {
        return RowCursor.of(List.<Object[]>of(full));
      }
      Object[] out = new Object[projection.length];
      for (int i = 0; i < projection.length; i++) {
        out[i] = full[projection[i]];
      }
      return RowCursor.of(List.<Object[]>of(out));
    }
    Object canonical = Values.convert(schema.columns().get(column).type(), value);
    if (canonical == null) {
      // Not representable in the column (2.5 for an int): equality decides, which may still fail on type.
      ScanSpec spec = new ScanSpec(new Predicate.Compare(column, CompareOp.EQ, value), projection, null, -1);
      List<Object[]> out = new ArrayList<>();
      for (int p = 0; p < state.partitionCount(); p++) {
        out.addAll(state.slot(p).read(tp -> tp.scan(spec)));
      }
      return RowCursor.of(out);
    }
    List<Object[]> out = new ArrayList<>();
    for (int p = 0; p < state.partitionCount(); p++) {
      out.addAll(state.slot(p).read(tp -> tp.lookup(column, canonical, projection)));
    }
    return RowCursor.of(out);
  }

  @Override
  public int insert(List<Object[]> rows) {
    TableSchema schema = state.schema();
    List<Object[]> canonical = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      canonical.add(Values.canonicalRow(schema, row));
    }
    return store.onWritePath(() -> {
      int pk = schema.primaryKeyIndex();
      Map<Integer, List<Object[]>> byPartition = new TreeMap<>();
      Set<Object> seen = new HashSet<>();
      for (Object[] row : canonical) {
        int p;
        if (pk >= 0) {
          Object key = row[pk];
          if (!seen.add(key instanceof byte[] b ? ByteBuffer.wrap(b) : key)) {
            throw duplicate(key);
          }
          p = Partitioner.partitionOf(key, state.partitionCount());
        } else {
          p = Partitioner.partitionOf(state.nextRowId(), state.partitionCount());
        }
        byPartition.computeIfAbsent(p, k -> new ArrayList<>()).add(row);
      }
      if (pk >= 0) {
        // Check every partition before changing any, so the batch applies whole or not at all.
        for (Map.Entry<Integer, List<Object[]>> e : byPartition.entrySet()) {
          Object present = state.slot(e.getKey()).read(tp -> {
            for (Object[] row : e.getValue()) {
              if (tp.containsKey(row[pk])) {
                return row[pk];
              }
            }
            return null;
          });
          if (present != null) {
            throw duplicate(present);
          }
        }
      }
      int n = 0;
      for (Map.Entry<Integer, List<Object[]>> e : byPartition.entrySet()) {
        n += store.apply(new Mutation.Insert(schema.name(), e.getKey(), e.getValue())).intValue();
      }
      return n;
    });
  }

  private DstException duplicate(Object key) {
    return new DstException(ErrorCode.DUPLICATE_KEY, "duplicate primary key " + Values.render(key)
        + " in table " + state.schema().name());
  }

  @Override
  public int update(Predicate filter, Map<Integer, Object> assignments) {
    TableSchema schema = state.schema();
    Predicate f = filter == null ? Predicate.alwaysTrue() : filter;
    Map<Integer, Object> canonical = EmbeddedStore.canonicalAssignments(schema, assignments);
    EmbeddedStore.validateFilter(schema, f);
    return store.onWritePath(() -> {
      int n = 0;
      for (int p = 0; p < state.partitionCount(); p++) {
        n += store.apply(new Mutation.Update(schema.name(), p, f, canonical)).intValue();
      }
      return n;
    });
  }

  @Override
  public int delete(Predicate filter) {
    TableSchema schema = state.schema();
    Predicate f = filter == null ? Predicate.alwaysTrue() : filter;
    EmbeddedStore.validateFilter(schema, f);
    return store.onWritePath(() -> {
      int n = 0;
      for (int p = 0; p < state.partitionCount(); p++) {
        n += store.apply(new Mutation.Delete(schema.name(), p, f)).intValue();
      }
      return n;
    });
  }
}
