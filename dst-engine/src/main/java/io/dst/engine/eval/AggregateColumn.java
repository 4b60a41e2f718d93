package io.dst.engine.eval;

import io.dst.engine.column.Chunks;
import io.dst.engine.column.ColumnVector;
import io.dst.engine.column.DoubleVector;
import io.dst.engine.column.IntVector;
import io.dst.engine.column.LongVector;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.PartialColumn;
import io.dst.engine.schema.ScalarType;
import java.util.Arrays;

/**
 * The partial state of one aggregate call for every group, column-wise: one primitive array per
 * kind of state (count, long sum, double sum, min, max), indexed by dense group id. Chunks are
 * consumed column-at-a-time: a selection bitset and the group id of each selected row, read
 * straight from the column's primitive chunk. See {@link AggregateFunction} for what {@link
 * #result(int)} returns.
 */
final class AggregateColumn {
  private final AggregateFunction function;
  private final ColumnVector vector; // null for COUNT(*)
  private final ScalarType type;
  private final boolean integral;
  private final boolean floating;
  private int capacity;
  private long[] count = new long[0];
  private long[] longs = new long[0]; // sum, or min/max, for integral columns
  private double[] doubles = new double[0]; // sum, or min/max, for double columns
  private Object[] objects = new Object[0]; // min/max of other types

  AggregateColumn(AggregateFunction function, ColumnVector vector, ScalarType type) {
    this.function = function;
    this.vector = vector;
    this.type = type;
    this.integral = vector instanceof IntVector || vector instanceof LongVector;
    this.floating = vector instanceof DoubleVector;
  }

  /** Makes room for group ids below {@code groups}, initialising new min/max slots. */
  void ensureGroups(int groups) {
    if (groups <= capacity) {
      return;
    }
    int n = Math.max(groups, Math.max(16, capacity * 2));
    count = Arrays.copyOf(count, n);
    if (function != AggregateFunction.COUNT_STAR && function != AggregateFunction.COUNT) {
      if (integral) {
        longs = Arrays.copyOf(longs, n);
        Arrays.fill(longs, capacity, n, function == AggregateFunction.MIN ? Long.MAX_VALUE
            : function == AggregateFunction.MAX ? Long.MIN_VALUE : 0);
      } else if (floating) {
        doubles = Arrays.copyOf(doubles, n);
        Arrays.fill(doubles, capacity, n, function == AggregateFunction.MIN ? Double.POSITIVE_INFINITY
            : function == AggregateFunction.MAX ? Double.NEGATIVE_INFINITY : 0);
      } else {
        objects = Arrays.copyOf(objects, n);
      }
    }
    capacity = n;
  }

  /**
   * Adds the selected rows of chunk {@code c}; {@code groups[i]} is row i's group id, or
   * {@code groups} is null when everything is group 0. The loops are written out per column type so
   * that each stays a tight loop over a primitive array.
   */
  void addChunk(int c, long[] selected, int[] groups) {
    if (function == AggregateFunction.COUNT_STAR) {
      countBits(selected, null, groups);
      return;
    }
    long[] nulls = vector.nullWords(c);
    if (function == AggregateFunction.COUNT) {
      countBits(selected, nulls, groups);
      return;
    }
    int mode = function == AggregateFunction.MIN ? 1 : function == AggregateFunction.MAX ? 2 : 0;
    if (vector instanceof IntVector iv) {
      int[] vals = iv.chunk(c);
      for (int w = 0; w < selected.length; w++) {
        long bits = nulls == null ? selected[w] : selected[w] & ~nulls[w];
        while (bits != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          int g = groups == null ? 0 : groups[i];
          count[g]++;
          long x = vals[i];
          longs[g] = mode == 0 ? longs[g] + x : mode == 1 ? Math.min(longs[g], x) : Math.max(longs[g], x);
        }
      }
    } else if (vector instanceof LongVector lv) {
      long[] vals = lv.chunk(c);
      for (int w = 0; w < selected.length; w++) {
        long bits = nulls == null ? selected[w] : selected[w] & ~nulls[w];
        while (bits != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          int g = groups == null ? 0 : groups[i];
          count[g]++;
          long x = vals[i];
          longs[g] = mode == 0 ? longs[g] + x : mode == 1 ? Math.min(longs[g], x) : Math.max(longs[g], x);
        }
      }
    } else if (vector instanceof DoubleVector dv) {
      double[] vals = dv.chunk(c);
      for (int w = 0; w < selected.length; w++) {
        long bits = nulls == null ? selected[w] : selected[w] & ~nulls[w];
        while (bits != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          int g = groups == null ? 0 : groups[i];
          count[g]++;
          double x = vals[i];
          doubles[g] = mode == 0 ? doubles[g] + x : mode == 1 ? Math.min(doubles[g], x) : Math.max(doubles[g], x);
        }
      }
    } else {
      int base = c << Chunks.SHIFT;
      for (int w = 0; w < selected.length; w++) {
        long bits = nulls == null ? selected[w] : selected[w] & ~nulls[w];
        while (bits != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          addObject(groups == null ? 0 : groups[i], vector.get(base + i));
        }
      }
    }
  }

  /** Counts selected (and, given {@code nulls}, non-null) rows; a popcount when ungrouped. */
  private void countBits(long[] selected, long[] nulls, int[] groups) {
    for (int w = 0; w < selected.length; w++) {
      long bits = nulls == null ? selected[w] : selected[w] & ~nulls[w];
      if (groups == null) {
        count[0] += Long.bitCount(bits);
        continue;
      }
      while (bits != 0) {
        count[groups[(w << 6) + Long.numberOfTrailingZeros(bits)]]++;
        bits &= bits - 1;
      }
    }
  }

  private void addObject(int g, Object x) {
    count[g]++;
    Object cur = objects[g];
    if (cur == null || (function == AggregateFunction.MIN ? ValueOrder.compare(x, cur) < 0
        : ValueOrder.compare(x, cur) > 0)) {
      objects[g] = x;
    }
  }

  /** Adds one row. */
  void add(int pos, int g) {
    if (function == AggregateFunction.COUNT_STAR) {
      count[g]++;
      return;
    }
    if (vector.isNull(pos)) {
      return;
    }
    if (function == AggregateFunction.COUNT) {
      count[g]++;
      return;
    }
    boolean min = function == AggregateFunction.MIN;
    boolean max = function == AggregateFunction.MAX;
    if (integral) {
      long x = vector instanceof IntVector iv ? iv.getInt(pos) : ((LongVector) vector).getLong(pos);
      count[g]++;
      longs[g] = min ? Math.min(longs[g], x) : max ? Math.max(longs[g], x) : longs[g] + x;
    } else if (floating) {
      double x = ((DoubleVector) vector).getDouble(pos);
      count[g]++;
      doubles[g] = min ? Math.min(doubles[g], x) : max ? Math.max(doubles[g], x) : doubles[g] + x;
    } else {
      addObject(g, vector.get(pos));
    }
  }

  Object result(int g) {
    switch (function) {
      case COUNT_STAR:
      case COUNT:
        return count[g];
      case SUM:
        if (count[g] == 0) {
          return null;
        }
        return floating ? (Object) doubles[g] : (Object) longs[g];
      case AVG:
        return new double[] {floating ? doubles[g] : (double) longs[g], count[g]};
      case MIN:
      case MAX:
        if (count[g] == 0) {
          return null;
        }
        if (integral) {
          return type == ScalarType.INT ? (Object) (int) longs[g] : (Object) longs[g];
        }
        return floating ? (Object) doubles[g] : objects[g];
      default:
        throw new IllegalStateException("unknown aggregate " + function);
    }
  }

  /** The state of groups below {@code groups} as a {@link PartialColumn}, without copying. */
  PartialColumn columns(int groups) {
    switch (function) {
      case COUNT_STAR:
      case COUNT:
        return new PartialColumn(count, null, null, null);
      case AVG:
        if (floating) {
          return new PartialColumn(count, null, doubles, null);
        }
        double[] sums = new double[groups];
        for (int g = 0; g < groups; g++) {
          sums[g] = longs[g];
        }
        return new PartialColumn(count, null, sums, null);
      default:
        return new PartialColumn(count, integral ? longs : null, floating ? doubles : null,
            integral || floating ? null : objects);
    }
  }
}
