package io.dst.sql.rel;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.expr.SortKey;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.schema.DstTable;
import io.dst.sql.schema.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Runs one {@link DstQuery} against the table's partitions when a compiled plan executes: binds
 * parameters, probes an index or scans each partition with the pushed {@link ScanSpec}, merges
 * per-partition top-n lists and partial aggregates, and hands rows to Calcite in its internal value
 * form. Immutable and shared by every execution of a cached plan.
 */
public final class DstScanExecutor {
  private static final Object NULL_KEY = new Object();

  private final DstTable table;
  private final DstQuery query;
  private final boolean convert;
  private final boolean scalar;

  public DstScanExecutor(DstTable table, DstQuery query, boolean scalar) {
    this.table = table;
    this.query = query;
    this.convert = needsConversion(query);
    this.scalar = scalar;
  }

  private static boolean needsConversion(DstQuery query) {
    for (int c : query.outputColumns()) {
      if (query.schema().columns().get(c).type().element() == ScalarType.BYTES) {
        return true;
      }
    }
    return query.aggregate() != null;
  }

  /** Rows as Object[], or bare values when the scan has a single column. */
  public Enumerable<?> execute(DataContext root) {
    Enumerable<Object[]> rows = rows(root);
    return scalar ? rows.select(r -> r[0]) : rows;
  }

  /** Rows as Object[] whatever the column count (for running a scan without generated code). */
  public Enumerable<Object[]> rows(DataContext root) {
    TableData data = table.data();
    TableSchema schema = query.schema();
    AtomicBoolean cancel = root == null ? null : (AtomicBoolean) root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    if (query.lookup() != null) {
      return Linq4j.asEnumerable(lookup(data, root));
    }
    Predicate filter = ParamBinder.bind(query.filter(), schema, root);
    if (query.aggregate() != null) {
      return Linq4j.asEnumerable(aggregate(data, filter));
    }
    ScanSpec spec = new ScanSpec(filter, query.projection(), query.sort(),
        query.fetch() < 0 ? -1 : query.fetch() + query.offset());
    if (!query.sort().isEmpty()) {
      return Linq4j.asEnumerable(topN(data, spec, cancel));
    }
    if (query.hasFilter() && query.fetch() < 0 && query.offset() == 0 && data.partitionCount() > 1) {
      // A filtered scan usually keeps a fraction of the rows: evaluate partitions in parallel.
      checkCancel(cancel);
      List<List<Object[]>> perPartition = IntStream.range(0, data.partitionCount()).parallel()
          .mapToObj(p -> drain(data, p, spec)).toList();
      List<Object[]> all = new ArrayList<>();
      for (List<Object[]> rows : perPartition) {
        all.addAll(rows);
      }
      return Linq4j.asEnumerable(all);
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new PartitionEnumerator(data, spec, query.offset(), query.fetch(), cancel);
      }
    };
  }

  private List<Object[]> lookup(TableData data, DataContext root) {
    KeyLookup lookup = query.lookup();
    Object key = ParamBinder.value(lookup.value(), lookup.column(), query.schema(), root);
    List<Object[]> rows = new ArrayList<>(1);
    if (key == null) {
      return rows;
    }
    int[] projection = query.projection();
    if (lookup.primaryKey()) {
      Optional<Object[]> row = data.get(key);
      if (row.isPresent()) {
        rows.add(project(row.get(), projection));
      }
    } else {
      try (RowCursor cursor = data.lookup(lookup.column(), key,
          projection == null ? query.outputColumns() : projection)) {
        while (cursor.hasNext()) {
          rows.add(convertRow(cursor.next()));
        }
      }
    }
    return rows;
  }

  private Object[] project(Object[] full, int[] projection) {
    if (projection == null) {
      return convertRow(full);
    }
    Object[] out = new Object[projection.length];
    for (int i = 0; i < projection.length; i++) {
      out[i] = full[projection[i]];
    }
    return convertRow(out);
  }

  private Object[] convertRow(Object[] row) {
    if (convert) {
      for (int i = 0; i < row.length; i++) {
        row[i] = Values.toInternal(row[i]);
      }
    }
    return row;
  }

  private List<Object[]> topN(TableData data, ScanSpec spec, AtomicBoolean cancel) {
    checkCancel(cancel);
    List<Object[]> all = new ArrayList<>();
    List<List<Object[]>> perPartition = IntStream.range(0, data.partitionCount()).parallel()
        .mapToObj(p -> drain(data, p, spec)).toList();
    for (List<Object[]> rows : perPartition) {
      all.addAll(rows);
    }
    int[] output = query.outputColumns();
    List<SortKey> sort = query.sort();
    int[] positions = new int[sort.size()];
    boolean[] desc = new boolean[sort.size()];
    boolean[] nullsFirst = new boolean[sort.size()];
    for (int i = 0; i < sort.size(); i++) {
      positions[i] = indexOf(output, sort.get(i).column());
      desc[i] = sort.get(i).descending();
      nullsFirst[i] = sort.get(i).nullsFirst();
    }
    all.sort(new RowComparator(positions, desc, nullsFirst));
    int from = (int) Math.min(all.size(), query.offset());
    int to = query.fetch() < 0 ? all.size() : (int) Math.min(all.size(), from + query.fetch());
    return all.subList(from, to);
  }

  private List<Object[]> drain(TableData data, int partition, ScanSpec spec) {
    List<Object[]> rows = new ArrayList<>();
    try (RowCursor cursor = data.scan(partition, spec)) {
      while (cursor.hasNext()) {
        rows.add(convertRow(cursor.next()));
      }
    }
    return rows;
  }

  private static int indexOf(int[] array, int value) {
    for (int i = 0; i < array.length; i++) {
      if (array[i] == value) {
        return i;
      }
    }
    throw new IllegalStateException("sort column " + value + " is not in the scan's output");
  }

  private List<Object[]> aggregate(TableData data, Predicate filter) {
    DstAggregate agg = query.aggregate();
    AggregateSpec spec = new AggregateSpec(filter, agg.groupBy(), agg.calls());
    int groups = agg.groupBy().length;
    List<AggregateCall> calls = agg.calls();
    // Partitions aggregate independently, so they run in parallel.
    List<List<Object[]>> partials = IntStream.range(0, data.partitionCount()).parallel()
        .mapToObj(p -> data.aggregate(p, spec)).toList();
    int total = partials.stream().mapToInt(List::size).sum();
    // The merge is a hash lookup per partial group and was the single-threaded bottleneck of large
    // group-bys, so above a few thousand partial groups it is split into key-hash shards merged in
    // parallel; their output order (shard by shard) still depends only on the data.
    int shards = total < PARALLEL_MERGE_ROWS ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors());
    List<Map<Object, Object[]>> shardMaps = IntStream.range(0, shards).parallel()
        .mapToObj(s -> mergeShard(partials, groups, calls, s, shards, total / shards)).toList();
    Map<Object, Object[]> first = shardMaps.get(0);
    if (first.isEmpty() && groups == 0) {
      first.put(List.of(), emptyState(calls));
    }
    List<Object[]> rows = new ArrayList<>(shardMaps.stream().mapToInt(Map::size).sum());
    for (Map<Object, Object[]> merged : shardMaps) {
      appendRows(merged, groups, calls, agg, rows);
    }
    return rows;
  }

  private static void appendRows(Map<Object, Object[]> merged, int groups, List<AggregateCall> calls,
      DstAggregate agg, List<Object[]> rows) {
    for (Map.Entry<Object, Object[]> e : merged.entrySet()) {
      Object[] row = new Object[groups + calls.size()];
      if (groups == 1) {
        row[0] = e.getKey() == NULL_KEY ? null : e.getKey();
      } else {
        for (int g = 0; g < groups; g++) {
          row[g] = ((List<?>) e.getKey()).get(g);
        }
      }
      for (int c = 0; c < calls.size(); c++) {
        row[groups + c] = finish(calls.get(c), e.getValue()[c], agg.outputTypes().get(groups + c),
            agg.sumZero().get(c));
      }
      rows.add(row);
    }
  }

  /** Partial groups above which merging runs in parallel shards. */
  private static final int PARALLEL_MERGE_ROWS = 8192;

  /**
   * Merges the partial groups whose key falls into {@code shard} of {@code shards}, in partition
   * then first-seen order. One group column (the common case) keys the map by its value; several by
   * a List of them.
   */
  private static Map<Object, Object[]> mergeShard(List<List<Object[]>> partials, int groups,
      List<AggregateCall> calls, int shard, int shards, int expected) {
    Map<Object, Object[]> merged = new LinkedHashMap<>(Math.max(16, expected * 4 / 3 + 1));
    for (List<Object[]> partition : partials) {
      for (Object[] partial : partition) {
        Object key;
        if (groups == 1) {
          key = Values.toInternal(partial[0]);
          if (key == null) {
            key = NULL_KEY;
          }
        } else {
          Object[] keyValues = new Object[groups];
          for (int g = 0; g < groups; g++) {
            keyValues[g] = Values.toInternal(partial[g]);
          }
          key = Arrays.asList(keyValues);
        }
        if (shards > 1 && shardOf(key, shards) != shard) {
          continue;
        }
        Object[] state = merged.get(key);
        if (state == null) {
          state = new Object[calls.size()];
          merged.put(key, state);
          for (int c = 0; c < calls.size(); c++) {
            state[c] = copyPartial(calls.get(c), partial[groups + c]);
          }
        } else {
          for (int c = 0; c < calls.size(); c++) {
            state[c] = mergePartial(calls.get(c), state[c], partial[groups + c]);
          }
        }
      }
    }
    return merged;
  }

  /** The shard of a merge key; the null key's identity hash would vary between runs. */
  private static int shardOf(Object key, int shards) {
    if (key == NULL_KEY) {
      return 0;
    }
    int h = key.hashCode();
    return Math.floorMod(h ^ (h >>> 16), shards);
  }

  private static Object[] emptyState(List<AggregateCall> calls) {
    Object[] state = new Object[calls.size()];
    for (int c = 0; c < calls.size(); c++) {
      switch (calls.get(c).function()) {
        case COUNT, COUNT_STAR -> state[c] = 0L;
        case AVG -> state[c] = new double[] {0, 0};
        default -> state[c] = null;
      }
    }
    return state;
  }

  /**
   * The merge state a group starts from: counts and sums are held in a one-element long[] or
   * double[] and added to in place, since boxing a new Long per merged partial was a third of the
   * merge's time; AVG is its (copied) sum and count, MIN and MAX the partial itself.
   */
  private static Object copyPartial(AggregateCall call, Object partial) {
    switch (call.function()) {
      case COUNT, COUNT_STAR:
        return new long[] {((Number) partial).longValue()};
      case SUM:
        if (partial == null) {
          return null;
        }
        return partial instanceof Double d ? (Object) new double[] {d} : (Object) new long[] {((Number) partial).longValue()};
      default:
        return partial instanceof double[] d ? d.clone() : partial;
    }
  }

  private static Object mergePartial(AggregateCall call, Object state, Object partial) {
    switch (call.function()) {
      case COUNT, COUNT_STAR:
        ((long[]) state)[0] += ((Number) partial).longValue();
        return state;
      case SUM:
        if (partial == null) {
          return state;
        }
        if (state == null) {
          return copyPartial(call, partial);
        }
        if (state instanceof double[] sum) {
          sum[0] += ((Number) partial).doubleValue();
          return sum;
        }
        long[] sum = (long[]) state;
        if (partial instanceof Double d) {
          return new double[] {sum[0] + d};
        }
        sum[0] += ((Number) partial).longValue();
        return sum;
      case MIN:
      case MAX:
        if (partial == null) {
          return state;
        }
        if (state == null) {
          return partial;
        }
        int c = RowComparator.compareValues(partial, state);
        boolean better = call.function() == io.dst.engine.expr.AggregateFunction.MIN ? c < 0 : c > 0;
        return better ? partial : state;
      case AVG:
        double[] s = (double[]) state;
        double[] q = (double[]) partial;
        s[0] += q[0];
        s[1] += q[1];
        return s;
      default:
        throw new DstException(ErrorCode.INTERNAL, "unknown aggregate " + call.function());
    }
  }

  private static Object finish(AggregateCall call, Object state, SqlTypeName type, boolean sumZero) {
    Object value = state;
    if (call.function() == io.dst.engine.expr.AggregateFunction.AVG) {
      double[] s = (double[]) state;
      if (s[1] == 0) {
        return null;
      }
      value = SqlTypeName.INT_TYPES.contains(type) ? (Object) (long) (s[0] / s[1]) : (Object) (s[0] / s[1]);
    } else if (state instanceof long[] l) {
      value = l[0];
    } else if (state instanceof double[] d) {
      value = d[0];
    }
    if (value == null) {
      return sumZero ? cast(0L, type) : null;
    }
    return cast(value, type);
  }

  static Object cast(Object value, SqlTypeName type) {
    if (!(value instanceof Number n)) {
      return Values.toInternal(value);
    }
    return switch (type) {
      case TINYINT -> n.byteValue();
      case SMALLINT -> n.shortValue();
      case INTEGER -> n.intValue();
      case BIGINT -> n.longValue();
      case REAL -> n.floatValue();
      case FLOAT, DOUBLE -> n.doubleValue();
      case DECIMAL -> n instanceof Double || n instanceof Float
          ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
      default -> value;
    };
  }

  private static void checkCancel(AtomicBoolean cancel) {
    if (cancel != null && cancel.get()) {
      throw new DstException(ErrorCode.TIMEOUT, "statement cancelled");
    }
  }

  /** Streams the partitions one after another, applying a global offset and fetch. */
  private final class PartitionEnumerator implements Enumerator<Object[]> {
    private final TableData data;
    private final ScanSpec spec;
    private final long offset;
    private final long fetch;
    private final AtomicBoolean cancel;
    private int partition = -1;
    private RowCursor cursor;
    private Object[] current;
    private long skipped;
    private long emitted;
    private int sinceCheck;

    PartitionEnumerator(TableData data, ScanSpec spec, long offset, long fetch, AtomicBoolean cancel) {
      this.data = data;
      this.spec = spec;
      this.offset = offset;
      this.fetch = fetch;
      this.cancel = cancel;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (fetch >= 0 && emitted >= fetch) {
        return false;
      }
      while (true) {
        if (cursor != null && cursor.hasNext()) {
          Object[] row = cursor.next();
          if (++sinceCheck >= 4096) {
            sinceCheck = 0;
            checkCancel(cancel);
          }
          if (skipped < offset) {
            skipped++;
            continue;
          }
          current = convertRow(row);
          emitted++;
          return true;
        }
        if (cursor != null) {
          cursor.close();
          cursor = null;
        }
        if (++partition >= data.partitionCount()) {
          return false;
        }
        checkCancel(cancel);
        cursor = data.scan(partition, spec);
      }
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      if (cursor != null) {
        cursor.close();
        cursor = null;
      }
    }
  }
}
