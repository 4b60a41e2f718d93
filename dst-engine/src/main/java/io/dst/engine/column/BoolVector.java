package io.dst.engine.column;

/** A bool column: one bit per position. */
public final class BoolVector extends ColumnVector {
  private final BitVector values = new BitVector();

  /** True bits of chunk {@code c}, or null when none was ever set. */
  public long[] chunk(int c) {
    return values.words(c);
  }

  public boolean getBool(int pos) {
    return values.get(pos);
  }

  @Override
  protected void ensureCapacity(int pos) {}

  @Override
  protected void write(int pos, Object v) {
    values.set(pos, (Boolean) v);
  }

  @Override
  protected void writeNull(int pos) {
    values.clear(pos);
  }

  @Override
  protected Object read(int pos) {
    return values.get(pos);
  }

  @Override
  public long key(int pos) {
    return values.get(pos) ? 1 : 0;
  }

  @Override
  public long keyOf(Object value) {
    return (Boolean) value ? 1 : 0;
  }

  @Override
  public long bytes() {
    return nulls.bytes() + values.bytes();
  }
}
