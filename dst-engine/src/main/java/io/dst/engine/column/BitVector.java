package io.dst.engine.column;

import java.util.Arrays;

/** A growable bitset over row positions, stored as one {@code long[Chunks.WORDS]} per chunk. */
public final class BitVector {
  private long[][] chunks = new long[0][];

  private long[] chunkFor(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
    }
    long[] words = chunks[c];
    if (words == null) {
      words = chunks[c] = new long[Chunks.WORDS];
    }
    return words;
  }

  public void set(int pos) {
    chunkFor(pos)[(pos & Chunks.MASK) >>> 6] |= 1L << pos;
  }

  public void clear(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c < chunks.length && chunks[c] != null) {
      chunks[c][(pos & Chunks.MASK) >>> 6] &= ~(1L << pos);
    }
  }

  public void set(int pos, boolean value) {
    if (value) {
      set(pos);
    } else {
      clear(pos);
    }
  }

  public boolean get(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= chunks.length || chunks[c] == null) {
      return false;
    }
    return (chunks[c][(pos & Chunks.MASK) >>> 6] & (1L << pos)) != 0;
  }

  /** The words of chunk {@code c}, or null when no bit of it was ever set. Do not modify. */
  public long[] words(int c) {
    return c < chunks.length ? chunks[c] : null;
  }

  /** Bytes held, for memory accounting. */
  public long bytes() {
    long n = 16L + chunks.length * 8L;
    for (long[] w : chunks) {
      n += w == null ? 0 : 16 + w.length * 8L;
    }
    return n;
  }
}
