package io.dst.engine.eval;

import io.dst.engine.column.ColumnVector;
import io.dst.engine.column.IntVector;
import io.dst.engine.column.LongVector;

/**
 * {@code lo <= column <= hi} (or its negation, for {@code !=}) over an int, long or timestamp
 * column; every integral comparison with a literal reduces to such a range.
 */
final class LongRangeLeaf implements ChunkPredicate {
  private final ColumnVector vector;
  private final long lo;
  private final long hi;
  private final boolean negate;

  LongRangeLeaf(ColumnVector vector, long lo, long hi, boolean negate) {
    this.vector = vector;
    this.lo = lo;
    this.hi = hi;
    this.negate = negate;
  }

  @Override
  public void eval(int chunk, int rows, long[] t, long[] f) {
    long[] cmp = Bits.newChunk();
    if (vector instanceof IntVector iv) {
      int[] vals = iv.chunk(chunk);
      for (int i = 0; i < rows; i++) {
        long x = vals[i];
        cmp[i >>> 6] |= (x >= lo && x <= hi ? 1L : 0L) << i;
      }
    } else {
      long[] vals = ((LongVector) vector).chunk(chunk);
      for (int i = 0; i < rows; i++) {
        long x = vals[i];
        cmp[i >>> 6] |= (x >= lo && x <= hi ? 1L : 0L) << i;
      }
    }
    if (negate) {
      for (int w = 0; w < cmp.length; w++) {
        cmp[w] = ~cmp[w];
      }
    }
    Bits.split(cmp, vector.nullWords(chunk), rows, t, f);
  }

  @Override
  public int test(int pos) {
    if (vector.isNull(pos)) {
      return UNKNOWN;
    }
    long x = vector instanceof IntVector iv ? iv.getInt(pos) : ((LongVector) vector).getLong(pos);
    return (x >= lo && x <= hi) != negate ? TRUE : FALSE;
  }
}
