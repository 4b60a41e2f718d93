package io.dst.sql.rel;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.PartialGroups;
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
import java.util.List;
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
    // Partitions aggregate independently, so they run in parallel; each also computes its groups'
    // merge keys and hashes there, leaving the merge only table probes over primitive arrays.
    List<PartialMerger.Keyed> partials = IntStream.range(0, data.partitionCount()).parallel()
        .mapToObj(p -> keyed(data.aggregateColumns(p, spec), groups)).toList();
    int total = partials.stream().mapToInt(k -> k.hashes().length).sum();
    // The merge was the single-threaded bottleneck of large group-bys, so above a few thousand
    // partial groups it is split into key-hash shards merged in parallel; their output order
    // (shard by shard, first seen within each) still depends only on the data.
    int shards = total < PARALLEL_MERGE_ROWS ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors());
    List<PartialMerger> merged = IntStream.range(0, shards).parallel().mapToObj(s -> {
      PartialMerger m = new PartialMerger(calls, total / shards / Math.max(1, partials.size()) * 2);
      for (PartialMerger.Keyed part : partials) {
        m.merge(part, s, shards);
      }
      return m;
    }).toList();
    List<Object[]> rows = new ArrayList<>(merged.stream().mapToInt(PartialMerger::size).sum());
    for (PartialMerger m : merged) {
      for (int g = 0; g < m.size(); g++) {
        Object[] row = new Object[groups + calls.size()];
        Object key = m.key(g);
        if (groups == 1) {
          row[0] = key == NULL_KEY ? null : key;
        } else {
          for (int k = 0; k < groups; k++) {
            row[k] = ((List<?>) key).get(k);
          }
        }
        for (int c = 0; c < calls.size(); c++) {
          row[groups + c] = finish(calls.get(c), m.partial(c, g), agg.outputTypes().get(groups + c),
              agg.sumZero().get(c));
        }
        rows.add(row);
      }
    }
    if (rows.isEmpty() && groups == 0) {
      Object[] state = emptyState(calls);
      Object[] row = new Object[calls.size()];
      for (int c = 0; c < calls.size(); c++) {
        row[c] = finish(calls.get(c), state[c], agg.outputTypes().get(c), agg.sumZero().get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * A partition's partials with each group's merge key (one group column keys by its internal value,
   * several by a List of them) and that key's hash, spread so that shards and table slots use all
   * bits.
   */
  private static PartialMerger.Keyed keyed(PartialGroups part, int groups) {
    int n = part.size();
    Object[] keys = new Object[n];
    int[] hashes = new int[n];
    for (int g = 0; g < n; g++) {
      Object key;
      if (groups == 1) {
        key = Values.toInternal(part.keys()[0][g]);
        if (key == null) {
          key = NULL_KEY;
        }
      } else {
        Object[] keyValues = new Object[groups];
        for (int k = 0; k < groups; k++) {
          keyValues[k] = Values.toInternal(part.keys()[k][g]);
        }
        key = Arrays.asList(keyValues);
      }
      keys[g] = key;
      // The null key's identity hash would vary between runs, so it hashes to 0.
      int h = key == NULL_KEY ? 0 : key.hashCode();
      hashes[g] = h ^ (h >>> 16);
    }
    return new PartialMerger.Keyed(part, keys, hashes);
  }

  /** Partial groups above which merging runs in parallel shards. */
  private static final int PARALLEL_MERGE_ROWS = 8192;

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
