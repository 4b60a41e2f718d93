package io.dst.engine.eval;

import io.dst.engine.column.ColumnVector;

/** {@code column IS NULL}: never UNKNOWN. */
final class IsNullLeaf implements ChunkPredicate {
  private final ColumnVector vector;

  IsNullLeaf(ColumnVector vector) {
    this.vector = vector;
  }

  @Override
  public void eval(int chunk, int rows, long[] t, long[] f) {
    long[] all = Bits.newChunk();
    Bits.fillRows(all, rows);
    long[] nulls = vector.nullWords(chunk);
    for (int w = 0; w < all.length; w++) {
      long n = nulls == null ? 0 : nulls[w] & all[w];
      t[w] = n;
      f[w] = all[w] & ~n;
    }
  }

  @Override
  public int test(int pos) {
    return vector.isNull(pos) ? TRUE : FALSE;
  }
}
