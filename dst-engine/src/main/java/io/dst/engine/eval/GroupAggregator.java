package io.dst.engine.eval;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.column.Chunks;
import io.dst.engine.column.ColumnVector;
import io.dst.engine.column.DictVector;
import io.dst.engine.column.IntVector;
import io.dst.engine.column.LongVector;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.PartialColumn;
import io.dst.engine.expr.PartialGroups;
import io.dst.engine.index.LongIntHashMap;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an {@link AggregateSpec}'s partial aggregates inside one partition. Rows get a dense
 * group id: by dictionary code through an int array when the single group-by column is a string,
 * by a primitive hash map for an int or long column, by decoded values otherwise. Aggregate state
 * lives column-wise per call ({@link AggregateColumn}). Output rows are in first-seen group order,
 * deterministic for a given partition state.
 */
public final class GroupAggregator {
  private final TableSchema schema;
  private final ColumnVector[] vectors;
  private final int[] groupBy;
  private final AggregateColumn[] columns;
  private final DictVector dictKey;
  private final ColumnVector primitiveKey;
  private int[] groupOfCode = new int[0];
  private final LongIntHashMap groupOfKey = new LongIntHashMap();
  private final Map<List<Object>, Integer> groupOfValues = new HashMap<>();
  private int nullGroup = -1;
  private final List<Object[]> groupValues = new ArrayList<>();
  private final int[] chunkGroups = new int[Chunks.SIZE];

  public GroupAggregator(TableSchema schema, ColumnVector[] vectors, AggregateSpec spec) {
    this.schema = schema;
    this.vectors = vectors;
    this.groupBy = spec.groupBy();
    for (int g : groupBy) {
      checkColumn(g);
    }
    List<AggregateCall> calls = spec.calls();
    columns = new AggregateColumn[calls.size()];
    for (int i = 0; i < columns.length; i++) {
      AggregateCall call = calls.get(i);
      if (call.function() == AggregateFunction.COUNT_STAR) {
        columns[i] = new AggregateColumn(call.function(), null, null);
      } else {
        validate(call);
        ColumnVector v = vectors[call.column()];
        columns[i] = new AggregateColumn(call.function(), v, schema.columns().get(call.column()).type().element());
      }
    }
    ColumnVector single = groupBy.length == 1 ? vectors[groupBy[0]] : null;
    this.dictKey = single instanceof DictVector d ? d : null;
    this.primitiveKey = single instanceof IntVector || single instanceof LongVector ? single : null;
    if (dictKey != null) {
      groupOfCode = new int[dictKey.dictionary().size()];
      Arrays.fill(groupOfCode, -1);
      // At most one group per code (and one for null): size the state once instead of doubling it.
      for (AggregateColumn col : columns) {
        col.ensureGroups(groupOfCode.length + 1);
      }
    }
    if (groupBy.length == 0) {
      newGroup(new Object[0]);
    }
  }

  private void checkColumn(int c) {
    if (c < 0 || c >= schema.columnCount()) {
      throw new DstException(ErrorCode.UNKNOWN_COLUMN, "table " + schema.name() + " has no column #" + c);
    }
  }

  private void validate(AggregateCall call) {
    checkColumn(call.column());
    Column c = schema.columns().get(call.column());
    boolean numeric = !c.type().array() && (c.type().element() == ScalarType.INT
        || c.type().element() == ScalarType.LONG || c.type().element() == ScalarType.DOUBLE
        || c.type().element() == ScalarType.TIMESTAMP);
    if ((call.function() == AggregateFunction.SUM || call.function() == AggregateFunction.AVG) && !numeric) {
      throw new DstException(ErrorCode.TYPE_MISMATCH, "table " + schema.name() + ", column " + c.name()
          + ": cannot " + call.function().name().toLowerCase(java.util.Locale.ROOT) + " a " + c.type() + " column");
    }
  }

  private int newGroup(Object[] values) {
    groupValues.add(values);
    int g = groupValues.size() - 1;
    for (AggregateColumn col : columns) {
      col.ensureGroups(g + 1);
    }
    return g;
  }

  private int groupOf(int pos) {
    if (groupBy.length == 0) {
      return 0;
    }
    if (dictKey != null || primitiveKey != null) {
      ColumnVector v = dictKey != null ? dictKey : primitiveKey;
      if (v.isNull(pos)) {
        if (nullGroup < 0) {
          nullGroup = newGroup(new Object[] {null});
        }
        return nullGroup;
      }
      if (dictKey != null) {
        int code = dictKey.code(pos);
        int g = groupOfCode[code];
        if (g < 0) {
          g = groupOfCode[code] = newGroup(new Object[] {dictKey.decode(code)});
        }
        return g;
      }
      long key = v.key(pos);
      int g = groupOfKey.get(key);
      if (g < 0) {
        g = newGroup(new Object[] {v.get(pos)});
        groupOfKey.put(key, g);
      }
      return g;
    }
    Object[] values = new Object[groupBy.length];
    Object[] keyValues = new Object[groupBy.length];
    for (int i = 0; i < groupBy.length; i++) {
      values[i] = vectors[groupBy[i]].get(pos);
      // byte[] has identity equality; wrap it so equal bytes form one group
      keyValues[i] = values[i] instanceof byte[] b ? ByteBuffer.wrap(b) : values[i];
    }
    List<Object> key = Arrays.asList(keyValues);
    Integer g = groupOfValues.get(key);
    if (g == null) {
      g = newGroup(values);
      groupOfValues.put(key, g);
    }
    return g;
  }

  /** Adds the rows of chunk {@code c} whose bits are set in {@code selected}. */
  public void addChunk(int c, long[] selected) {
    if (dictKey != null) {
      dictGroups(dictKey.chunk(c), selected);
    } else if (groupBy.length > 0) {
      int base = c << Chunks.SHIFT;
      for (int w = 0; w < selected.length; w++) {
        long bits = selected[w];
        while (bits != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          chunkGroups[i] = groupOf(base + i);
          bits &= bits - 1;
        }
      }
    }
    int[] groups = groupBy.length == 0 ? null : chunkGroups;
    for (AggregateColumn col : columns) {
      col.addChunk(c, selected, groups);
    }
  }

  /**
   * Group ids of the selected rows of one chunk of the dictionary key, read straight from its code
   * array: the per-row path costs two virtual calls and a chunk lookup per row, which dominated
   * group-by on a string column.
   */
  private void dictGroups(int[] codes, long[] selected) {
    int[] groupOf = groupOfCode;
    for (int w = 0; w < selected.length; w++) {
      long bits = selected[w];
      while (bits != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        int code = codes[i]; // -1 marks a null
        int g = code < 0 ? nullGroup() : groupOf[code];
        if (g < 0) {
          g = groupOf[code] = newGroup(new Object[] {dictKey.decode(code)});
        }
        chunkGroups[i] = g;
      }
    }
  }

  private int nullGroup() {
    if (nullGroup < 0) {
      nullGroup = newGroup(new Object[] {null});
    }
    return nullGroup;
  }

  /** Adds the row at {@code pos}. */
  public void add(int pos) {
    int g = groupOf(pos);
    for (AggregateColumn col : columns) {
      col.add(pos, g);
    }
  }

  /** One row per group: the group-by values then one partial per call. */
  public List<Object[]> result() {
    List<Object[]> out = new ArrayList<>(groupValues.size());
    for (int g = 0; g < groupValues.size(); g++) {
      Object[] values = groupValues.get(g);
      Object[] row = Arrays.copyOf(values, values.length + columns.length);
      for (int i = 0; i < columns.length; i++) {
        row[values.length + i] = columns[i].result(g);
      }
      out.add(row);
    }
    return out;
  }

  /** The same groups as {@link #result()}, in columns over the aggregator's own state arrays. */
  public PartialGroups columns() {
    int n = groupValues.size();
    Object[][] keys = new Object[groupBy.length][n];
    for (int g = 0; g < n; g++) {
      Object[] values = groupValues.get(g);
      for (int k = 0; k < values.length; k++) {
        keys[k][g] = values[k];
      }
    }
    PartialColumn[] calls = new PartialColumn[columns.length];
    for (int i = 0; i < columns.length; i++) {
      calls[i] = columns[i].columns(n);
    }
    return new PartialGroups(n, keys, calls);
  }
}
