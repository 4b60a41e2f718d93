package io.dst.engine.column;

import java.util.Arrays;

/** A long or timestamp column: one {@code long[Chunks.SIZE]} per chunk. */
public final class LongVector extends ColumnVector {
  private long[][] chunks = new long[0][];

  @Override
  protected void ensureCapacity(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
    }
    if (chunks[c] == null) {
      chunks[c] = new long[Chunks.SIZE];
    }
  }

  public long[] chunk(int c) {
    return chunks[c];
  }

  public long getLong(int pos) {
    return chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
  }

  @Override
  protected void write(int pos, Object v) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = (Long) v;
  }

  @Override
  protected void writeNull(int pos) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = 0;
  }

  @Override
  protected Object read(int pos) {
    return getLong(pos);
  }

  @Override
  public long key(int pos) {
    return getLong(pos);
  }

  @Override
  public long keyOf(Object value) {
    return ((Number) value).longValue();
  }

  @Override
  public long bytes() {
    return nulls.bytes() + 16 + chunks.length * (8L + 16 + Chunks.SIZE * 8L);
  }
}
