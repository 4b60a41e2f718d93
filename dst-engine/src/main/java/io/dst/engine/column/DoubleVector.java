package io.dst.engine.column;

import java.util.Arrays;

/** A double column: one {@code double[Chunks.SIZE]} per chunk. */
public final class DoubleVector extends ColumnVector {
  private double[][] chunks = new double[0][];

  @Override
  protected void ensureCapacity(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
    }
    if (chunks[c] == null) {
      chunks[c] = new double[Chunks.SIZE];
    }
  }

  public double[] chunk(int c) {
    return chunks[c];
  }

  public double getDouble(int pos) {
    return chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
  }

  @Override
  protected void write(int pos, Object v) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = (Double) v;
  }

  @Override
  protected void writeNull(int pos) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = 0;
  }

  @Override
  protected Object read(int pos) {
    return getDouble(pos);
  }

  @Override
  public long key(int pos) {
    return bits(getDouble(pos));
  }

  @Override
  public long keyOf(Object value) {
    return bits(((Number) value).doubleValue());
  }

  private static long bits(double d) {
    // -0.0 equals 0.0 in SQL, and every NaN is the same key.
    return d == 0.0 ? 0L : Double.doubleToLongBits(d);
  }

  @Override
  public long bytes() {
    return nulls.bytes() + 16 + chunks.length * (8L + 16 + Chunks.SIZE * 8L);
  }
}
