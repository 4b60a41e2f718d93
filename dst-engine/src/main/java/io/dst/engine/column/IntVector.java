package io.dst.engine.column;

import java.util.Arrays;

/** An int column: one {@code int[Chunks.SIZE]} per chunk. */
public final class IntVector extends ColumnVector {
  private int[][] chunks = new int[0][];

  @Override
  protected void ensureCapacity(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
    }
    if (chunks[c] == null) {
      chunks[c] = new int[Chunks.SIZE];
    }
  }

  /** The values of chunk {@code c}; positions that are null hold 0. */
  public int[] chunk(int c) {
    return chunks[c];
  }

  public int getInt(int pos) {
    return chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
  }

  @Override
  protected void write(int pos, Object v) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = (Integer) v;
  }

  @Override
  protected void writeNull(int pos) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = 0;
  }

  @Override
  protected Object read(int pos) {
    return getInt(pos);
  }

  @Override
  public void gather(int[] positions, int n, Object[][] rows, int col) {
    for (int i = 0; i < n; i++) {
      int pos = positions[i];
      int v = getInt(pos);
      rows[i][col] = v == 0 && nulls.get(pos) ? null : Integer.valueOf(v); // null positions hold 0
    }
  }

  @Override
  public long key(int pos) {
    return getInt(pos);
  }

  @Override
  public long keyOf(Object value) {
    return ((Number) value).longValue();
  }

  @Override
  public long bytes() {
    return nulls.bytes() + 16 + chunks.length * (8L + 16 + Chunks.SIZE * 4L);
  }
}
