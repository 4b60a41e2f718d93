package io.dst.engine.eval;

import io.dst.engine.column.DictVector;

/**
 * A test on a dictionary-encoded column decided per distinct value: {@code accept[code]} says
 * whether rows holding that code pass (codes beyond the table fail). Used for equality, IN, ranges
 * and LIKE on strings, each evaluated once per distinct value instead of once per row.
 */
final class CodeSetLeaf implements ChunkPredicate {
  private final DictVector vector;
  private final boolean[] accept;
  private final int single; // the one accepted code for equality, or -2 when accept[] decides

  CodeSetLeaf(DictVector vector, boolean[] accept) {
    this.vector = vector;
    this.accept = accept;
    this.single = -2;
  }

  /** Equality with one code (-1 when the value is absent, so nothing matches). */
  CodeSetLeaf(DictVector vector, int code) {
    this.vector = vector;
    this.accept = null;
    this.single = code;
  }

  private boolean accepts(int code) {
    if (accept == null) {
      return code == single;
    }
    return code >= 0 && code < accept.length && accept[code];
  }

  @Override
  public void eval(int chunk, int rows, long[] t, long[] f) {
    long[] cmp = Bits.newChunk();
    int[] codes = vector.chunk(chunk);
    if (accept == null) {
      int s = single;
      for (int i = 0; i < rows; i++) {
        cmp[i >>> 6] |= (codes[i] == s ? 1L : 0L) << i;
      }
    } else {
      for (int i = 0; i < rows; i++) {
        int c = codes[i];
        cmp[i >>> 6] |= (c >= 0 && c < accept.length && accept[c] ? 1L : 0L) << i;
      }
    }
    Bits.split(cmp, vector.nullWords(chunk), rows, t, f);
  }

  @Override
  public int test(int pos) {
    if (vector.isNull(pos)) {
      return UNKNOWN;
    }
    return accepts(vector.code(pos)) ? TRUE : FALSE;
  }
}
