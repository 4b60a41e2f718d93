package io.dst.engine.column;

/**
 * Row positions inside a partition are split into fixed-size chunks: position {@code p} lives in
 * chunk {@code p >>> SHIFT} at offset {@code p & MASK}. Columns allocate one primitive array per
 * chunk, so growing never copies old data, and predicates evaluate one chunk at a time into a
 * selection bitset of {@link #WORDS} longs.
 */
public final class Chunks {
  public static final int SHIFT = 12;
  public static final int SIZE = 1 << SHIFT;
  public static final int MASK = SIZE - 1;
  public static final int WORDS = SIZE / 64;

  private Chunks() {}

  /** How many chunks hold {@code rows} positions. */
  public static int chunksFor(int rows) {
    return (rows + MASK) >>> SHIFT;
  }

  /** Rows used in chunk {@code c} of a column with {@code size} positions. */
  public static int rowsIn(int c, int size) {
    return Math.min(SIZE, size - (c << SHIFT));
  }
}
