package io.dst.engine.eval;

import io.dst.engine.column.ColumnVector;
import io.dst.engine.column.DoubleVector;
import io.dst.engine.column.IntVector;
import io.dst.engine.column.LongVector;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.schema.ScalarType;

/**
 * The running partial state of one aggregate call over one group. Integral columns accumulate in
 * long arithmetic and doubles in double, reading primitives straight from the column vectors; other
 * types (MIN/MAX of strings) compare decoded values. See {@link AggregateFunction} for the partial
 * forms {@link #result()} returns.
 */
final class Accumulator {
  private final AggregateFunction function;
  private final ColumnVector vector;
  private final ScalarType type;
  private long count;
  private long longSum;
  private double doubleSum;
  private long longMin = Long.MAX_VALUE;
  private long longMax = Long.MIN_VALUE;
  private double doubleMin = Double.POSITIVE_INFINITY;
  private double doubleMax = Double.NEGATIVE_INFINITY;
  private Object objMin;
  private Object objMax;

  Accumulator(AggregateFunction function, ColumnVector vector, ScalarType type) {
    this.function = function;
    this.vector = vector;
    this.type = type;
  }

  void add(int pos) {
    if (function == AggregateFunction.COUNT_STAR) {
      count++;
      return;
    }
    if (vector.isNull(pos)) {
      return;
    }
    count++;
    if (function == AggregateFunction.COUNT) {
      return;
    }
    if (vector instanceof IntVector iv) {
      addLong(iv.getInt(pos));
    } else if (vector instanceof LongVector lv) {
      addLong(lv.getLong(pos));
    } else if (vector instanceof DoubleVector dv) {
      double x = dv.getDouble(pos);
      doubleSum += x;
      doubleMin = Math.min(doubleMin, x);
      doubleMax = Math.max(doubleMax, x);
    } else {
      Object x = vector.get(pos);
      if (objMin == null || ValueOrder.compare(x, objMin) < 0) {
        objMin = x;
      }
      if (objMax == null || ValueOrder.compare(x, objMax) > 0) {
        objMax = x;
      }
    }
  }

  private void addLong(long x) {
    longSum += x;
    if (x < longMin) {
      longMin = x;
    }
    if (x > longMax) {
      longMax = x;
    }
  }

  Object result() {
    boolean integral = vector instanceof IntVector || vector instanceof LongVector;
    boolean floating = vector instanceof DoubleVector;
    switch (function) {
      case COUNT_STAR:
      case COUNT:
        return count;
      case SUM:
        if (count == 0) {
          return null;
        }
        return floating ? (Object) doubleSum : (Object) longSum;
      case AVG:
        return new double[] {floating ? doubleSum : (double) longSum, count};
      case MIN:
      case MAX: {
        if (count == 0) {
          return null;
        }
        boolean min = function == AggregateFunction.MIN;
        if (integral) {
          long v = min ? longMin : longMax;
          return type == ScalarType.INT ? (Object) (int) v : (Object) v;
        }
        if (floating) {
          return min ? doubleMin : doubleMax;
        }
        return min ? objMin : objMax;
      }
      default:
        throw new IllegalStateException("unknown aggregate " + function);
    }
  }
}
