package io.dst.engine.eval;

import io.dst.engine.column.ColumnVector;
import io.dst.engine.column.DoubleVector;
import io.dst.engine.column.IntVector;
import io.dst.engine.column.LongVector;
import io.dst.engine.expr.CompareOp;

/** A comparison of a numeric column with a double literal, in double arithmetic. */
final class DoubleCompareLeaf implements ChunkPredicate {
  private final ColumnVector vector;
  private final CompareOp op;
  private final double literal;

  DoubleCompareLeaf(ColumnVector vector, CompareOp op, double literal) {
    this.vector = vector;
    this.op = op;
    this.literal = literal;
  }

  private double valueAt(int pos) {
    if (vector instanceof DoubleVector d) {
      return d.getDouble(pos);
    }
    if (vector instanceof IntVector i) {
      return i.getInt(pos);
    }
    return ((LongVector) vector).getLong(pos);
  }

  private boolean holds(double x) {
    return switch (op) {
      case EQ -> x == literal;
      case NE -> x != literal;
      case LT -> x < literal;
      case LE -> x <= literal;
      case GT -> x > literal;
      case GE -> x >= literal;
    };
  }

  @Override
  public void eval(int chunk, int rows, long[] t, long[] f) {
    long[] cmp = Bits.newChunk();
    if (vector instanceof DoubleVector dv) {
      double[] vals = dv.chunk(chunk);
      for (int i = 0; i < rows; i++) {
        cmp[i >>> 6] |= (holds(vals[i]) ? 1L : 0L) << i;
      }
    } else {
      int base = chunk << io.dst.engine.column.Chunks.SHIFT;
      for (int i = 0; i < rows; i++) {
        cmp[i >>> 6] |= (holds(valueAt(base + i)) ? 1L : 0L) << i;
      }
    }
    Bits.split(cmp, vector.nullWords(chunk), rows, t, f);
  }

  @Override
  public int test(int pos) {
    if (vector.isNull(pos)) {
      return UNKNOWN;
    }
    return holds(valueAt(pos)) ? TRUE : FALSE;
  }
}
