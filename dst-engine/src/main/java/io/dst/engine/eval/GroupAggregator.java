package io.dst.engine.eval;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.column.ColumnVector;
import io.dst.engine.column.DictVector;
import io.dst.engine.column.IntVector;
import io.dst.engine.column.LongVector;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.index.LongIntHashMap;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an {@link AggregateSpec}'s partial aggregates over the positions one partition feeds it.
 * A single group-by column with a primitive key (ints, longs, dictionary codes) groups through a
 * primitive hash map on the key without decoding; other group-bys key on the decoded values. Output
 * rows are in first-seen group order, which is deterministic for a given partition state.
 */
public final class GroupAggregator {
  private final TableSchema schema;
  private final ColumnVector[] vectors;
  private final int[] groupBy;
  private final List<AggregateCall> calls;
  private final boolean primitiveKey;
  private final LongIntHashMap groupOfKey = new LongIntHashMap();
  private final Map<List<Object>, Integer> groupOfValues = new HashMap<>();
  private int nullGroup = -1;
  private final List<Object[]> groupValues = new ArrayList<>();
  private final List<Accumulator[]> groupAccs = new ArrayList<>();

  public GroupAggregator(TableSchema schema, ColumnVector[] vectors, AggregateSpec spec) {
    this.schema = schema;
    this.vectors = vectors;
    this.groupBy = spec.groupBy();
    this.calls = spec.calls();
    for (int g : groupBy) {
      checkColumn(g);
    }
    for (AggregateCall call : calls) {
      validate(call);
    }
    this.primitiveKey = groupBy.length == 1 && (vectors[groupBy[0]] instanceof DictVector
        || vectors[groupBy[0]] instanceof IntVector || vectors[groupBy[0]] instanceof LongVector);
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
    if (call.function() == AggregateFunction.COUNT_STAR) {
      return;
    }
    checkColumn(call.column());
    Column c = schema.columns().get(call.column());
    boolean numeric = !c.type().array() && (c.type().element() == ScalarType.INT
        || c.type().element() == ScalarType.LONG || c.type().element() == ScalarType.DOUBLE
        || c.type().element() == ScalarType.TIMESTAMP);
    if ((call.function() == AggregateFunction.SUM || call.function() == AggregateFunction.AVG) && !numeric) {
      throw new DstException(ErrorCode.TYPE_MISMATCH, "table " + schema.name() + ", column " + c.name()
          + ": cannot " + call.function().name().toLowerCase() + " a " + c.type() + " column");
    }
  }

  private int newGroup(Object[] values) {
    Accumulator[] accs = new Accumulator[calls.size()];
    for (int i = 0; i < accs.length; i++) {
      AggregateCall call = calls.get(i);
      ColumnVector v = call.function() == AggregateFunction.COUNT_STAR ? null : vectors[call.column()];
      ScalarType t = v == null ? null : schema.columns().get(call.column()).type().element();
      accs[i] = new Accumulator(call.function(), v, t);
    }
    groupValues.add(values);
    groupAccs.add(accs);
    return groupAccs.size() - 1;
  }

  /** Adds the row at {@code pos} to its group. */
  public void add(int pos) {
    int g;
    if (groupBy.length == 0) {
      g = 0;
    } else if (primitiveKey) {
      ColumnVector v = vectors[groupBy[0]];
      if (v.isNull(pos)) {
        if (nullGroup < 0) {
          nullGroup = newGroup(new Object[] {null});
        }
        g = nullGroup;
      } else {
        long key = v.key(pos);
        g = groupOfKey.get(key);
        if (g < 0) {
          g = newGroup(new Object[] {v.get(pos)});
          groupOfKey.put(key, g);
        }
      }
    } else {
      Object[] values = new Object[groupBy.length];
      for (int i = 0; i < groupBy.length; i++) {
        values[i] = vectors[groupBy[i]].get(pos);
      }
      Object[] keyValues = values.clone();
      for (int i = 0; i < keyValues.length; i++) {
        if (keyValues[i] instanceof byte[] b) {
          keyValues[i] = java.nio.ByteBuffer.wrap(b); // content equality for bytes
        }
      }
      List<Object> key = Arrays.asList(keyValues);
      Integer existing = groupOfValues.get(key);
      if (existing == null) {
        g = newGroup(values);
        groupOfValues.put(key, g);
      } else {
        g = existing;
      }
    }
    for (Accumulator a : groupAccs.get(g)) {
      a.add(pos);
    }
  }

  /** One row per group: the group-by values then one partial per call. */
  public List<Object[]> result() {
    List<Object[]> out = new ArrayList<>(groupAccs.size());
    for (int g = 0; g < groupAccs.size(); g++) {
      Object[] values = groupValues.get(g);
      Accumulator[] accs = groupAccs.get(g);
      Object[] row = new Object[values.length + accs.length];
      System.arraycopy(values, 0, row, 0, values.length);
      for (int i = 0; i < accs.length; i++) {
        row[values.length + i] = accs[i].result();
      }
      out.add(row);
    }
    return out;
  }
}
