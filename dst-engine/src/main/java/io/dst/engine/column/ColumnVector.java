package io.dst.engine.column;

import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;

/**
 * The values of one column of one partition, stored column-wise in chunks of primitive arrays with
 * a null bitmap. A position's value is set once on append and may be overwritten by an update;
 * deleted positions keep their value until compaction rebuilds the partition. Each subclass also
 * defines a {@code long} index key for its values, exact for primitives and dictionary codes, so
 * that indexes can be primitive hash maps.
 */
public abstract class ColumnVector {
  protected final BitVector nulls = new BitVector();
  protected int size;

  /** A vector for a column of the given type. */
  public static ColumnVector create(ColumnType type) {
    if (type.array()) {
      return new ArrayVector(type.element());
    }
    return switch (type.element()) {
      case INT -> new IntVector();
      case LONG, TIMESTAMP -> new LongVector();
      case DOUBLE -> new DoubleVector();
      case BOOL -> new BoolVector();
      case STRING, BYTES -> new DictVector(type.element() == ScalarType.STRING);
    };
  }

  public int size() {
    return size;
  }

  /** Appends a canonical value (or null) at position {@link #size()}. */
  public final void append(Object v) {
    int pos = size;
    ensureCapacity(pos);
    size++;
    set(pos, v);
  }

  /** Overwrites the value at a position with a canonical value or null. */
  public final void set(int pos, Object v) {
    if (v == null) {
      nulls.set(pos);
      writeNull(pos);
    } else {
      nulls.clear(pos);
      write(pos, v);
    }
  }

  public final Object get(int pos) {
    return nulls.get(pos) ? null : read(pos);
  }

  /**
   * Sets {@code rows[i][col]} to the value at {@code positions[i]} for i below {@code n}: a column at a
   * time, so that the cache misses of scattered rows are independent loads the CPU can overlap.
   */
  public void gather(int[] positions, int n, Object[][] rows, int col) {
    for (int i = 0; i < n; i++) {
      rows[i][col] = get(positions[i]);
    }
  }

  public final boolean isNull(int pos) {
    return nulls.get(pos);
  }

  /** Null bits of chunk {@code c}, or null when the chunk holds no null. */
  public final long[] nullWords(int c) {
    return nulls.words(c);
  }

  /** The index key of the non-null value at {@code pos}. */
  public abstract long key(int pos);

  /**
   * The index key a canonical value would have, or {@link #NO_KEY} when no position can hold it (a
   * string not in the dictionary).
   */
  public abstract long keyOf(Object value);

  /** Returned by {@link #keyOf} for values no position holds. */
  public static final long NO_KEY = Long.MIN_VALUE + 0x5EED;

  protected abstract void ensureCapacity(int pos);

  protected abstract void write(int pos, Object v);

  protected abstract void writeNull(int pos);

  protected abstract Object read(int pos);

  /** Approximate bytes held, for memory accounting. */
  public abstract long bytes();
}
