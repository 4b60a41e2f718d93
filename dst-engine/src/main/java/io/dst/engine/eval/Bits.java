package io.dst.engine.eval;

import io.dst.engine.column.Chunks;

/** Helpers over chunk bitsets ({@code long[Chunks.WORDS]}). */
final class Bits {
  private Bits() {}

  /** Sets the bits of the first {@code rows} rows in {@code out}. */
  static void fillRows(long[] out, int rows) {
    int full = rows >>> 6;
    for (int w = 0; w < full; w++) {
      out[w] = -1L;
    }
    if ((rows & 63) != 0) {
      out[full] = (1L << rows) - 1;
    }
  }

  /**
   * Splits a per-row comparison result {@code cmp} into TRUE ({@code t}) and FALSE ({@code f}) bits
   * using the null bitmap (null rows are UNKNOWN): t = cmp & ~null, f = rows & ~cmp & ~null.
   */
  static void split(long[] cmp, long[] nulls, int rows, long[] t, long[] f) {
    int words = (rows + 63) >>> 6;
    for (int w = 0; w < words; w++) {
      long rowMask = w < (rows >>> 6) ? -1L : (1L << rows) - 1;
      if ((rows & 63) == 0 && w == words - 1) {
        rowMask = -1L;
      }
      long notNull = nulls == null ? -1L : ~nulls[w];
      t[w] = cmp[w] & notNull & rowMask;
      f[w] = ~cmp[w] & notNull & rowMask;
    }
  }

  static long[] newChunk() {
    return new long[Chunks.WORDS];
  }
}
