package io.dst.engine.eval;

import io.dst.engine.column.ColumnVector;
import java.util.function.Predicate;

/**
 * A per-row test on decoded values, for the cases without a specialised leaf (double and bool
 * comparisons, arrays). Null values are UNKNOWN; the test sees only non-null values.
 */
final class ObjectLeaf implements ChunkPredicate {
  private final ColumnVector vector;
  private final Predicate<Object> test;

  ObjectLeaf(ColumnVector vector, Predicate<Object> test) {
    this.vector = vector;
    this.test = test;
  }

  @Override
  public void eval(int chunk, int rows, long[] t, long[] f) {
    long[] cmp = Bits.newChunk();
    long[] nulls = vector.nullWords(chunk);
    int base = chunk << io.dst.engine.column.Chunks.SHIFT;
    for (int i = 0; i < rows; i++) {
      if (nulls != null && (nulls[i >>> 6] & (1L << i)) != 0) {
        continue;
      }
      if (test.test(vector.get(base + i))) {
        cmp[i >>> 6] |= 1L << i;
      }
    }
    Bits.split(cmp, nulls, rows, t, f);
  }

  @Override
  public int test(int pos) {
    if (vector.isNull(pos)) {
      return UNKNOWN;
    }
    return test.test(vector.get(pos)) ? TRUE : FALSE;
  }
}
