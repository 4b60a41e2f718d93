package io.dst.engine.index;

import io.dst.engine.column.ColumnVector;

/**
 * The primary hash index of one partition: the index key of the primary-key value (see {@link
 * ColumnVector#key}) to the position of the live row holding it. Keys are exact (primitive values or
 * dictionary codes), so a hit needs no recheck.
 */
public final class PrimaryIndex {
  private final ColumnVector column;
  private final LongIntHashMap positions = new LongIntHashMap();

  public PrimaryIndex(ColumnVector column) {
    this.column = column;
  }

  /** The position of the live row with this canonical key value, or -1. */
  public int find(Object value) {
    long key = column.keyOf(value);
    return key == ColumnVector.NO_KEY ? -1 : positions.get(key);
  }

  public void add(int pos) {
    positions.put(column.key(pos), pos);
  }

  public void remove(int pos) {
    positions.remove(column.key(pos));
  }

  public long bytes() {
    return positions.bytes();
  }
}
