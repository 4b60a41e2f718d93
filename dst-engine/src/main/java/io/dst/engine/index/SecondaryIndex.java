package io.dst.engine.index;

import io.dst.engine.column.ColumnVector;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A secondary hash index of one partition over one or more columns. Each distinct key owns a
 * <em>posting list</em>: a packed int array of the positions holding it, so a lookup reads its
 * candidates from a few contiguous cache lines. Costs about 4-6 bytes per row plus one map entry and
 * one small array per distinct key; removing a row is a scan of its key's postings. The key of a
 * multi-column index is a hash of the columns' keys, so callers recheck candidates against their
 * predicate; rows with a null in any indexed column are not indexed (equality never matches null).
 */
public final class SecondaryIndex {
  private final String name;
  private final int[] columns;
  private final ColumnVector[] vectors;
  private final LongIntHashMap slotOfKey = new LongIntHashMap();
  private int[][] postings = new int[16][];
  private int[] sizes = new int[16];
  private int slots;

  public SecondaryIndex(String name, int[] columns, List<ColumnVector> vectors) {
    this.name = name;
    this.columns = columns.clone();
    this.vectors = vectors.toArray(new ColumnVector[0]);
  }

  public String name() {
    return name;
  }

  /** The indexed column ordinals, in index order. */
  public int[] columns() {
    return columns.clone();
  }

  private boolean hasNull(int pos) {
    for (ColumnVector v : vectors) {
      if (v.isNull(pos)) {
        return true;
      }
    }
    return false;
  }

  private long keyAt(int pos) {
    if (vectors.length == 1) {
      return vectors[0].key(pos);
    }
    long h = 0;
    for (ColumnVector v : vectors) {
      h = h * 0x9E3779B97F4A7C15L + v.key(pos);
    }
    return h;
  }

  /** The key that canonical values (one per indexed column) would have, or NO_KEY. */
  public long keyOf(Object[] values) {
    if (vectors.length == 1) {
      return vectors[0].keyOf(values[0]);
    }
    long h = 0;
    for (int i = 0; i < vectors.length; i++) {
      long k = vectors[i].keyOf(values[i]);
      if (k == ColumnVector.NO_KEY) {
        return ColumnVector.NO_KEY;
      }
      h = h * 0x9E3779B97F4A7C15L + k;
    }
    return h;
  }

  /** Adds the row at {@code pos} under its current values. */
  public void add(int pos) {
    if (hasNull(pos)) {
      return;
    }
    long key = keyAt(pos);
    int slot = slotOfKey.get(key);
    if (slot < 0) {
      slot = slots++;
      if (slot == postings.length) {
        postings = Arrays.copyOf(postings, slot * 2);
        sizes = Arrays.copyOf(sizes, slot * 2);
      }
      postings[slot] = new int[2];
      slotOfKey.put(key, slot);
    }
    int[] list = postings[slot];
    int n = sizes[slot];
    if (n == list.length) {
      list = postings[slot] = Arrays.copyOf(list, n + (n >> 1) + 1);
    }
    list[n] = pos;
    sizes[slot] = n + 1;
  }

  /** Removes the row at {@code pos}; call before its indexed values change. */
  public void remove(int pos) {
    if (hasNull(pos)) {
      return;
    }
    int slot = slotOfKey.get(keyAt(pos));
    if (slot < 0) {
      return;
    }
    int[] list = postings[slot];
    int n = sizes[slot];
    for (int i = 0; i < n; i++) {
      if (list[i] == pos) {
        list[i] = list[n - 1]; // order within a posting list does not matter
        sizes[slot] = n - 1;
        return;
      }
    }
  }

  /** Calls {@code action} with every position indexed under {@code key} (candidates; recheck). */
  public void forEach(long key, IntConsumer action) {
    if (key == ColumnVector.NO_KEY) {
      return;
    }
    int slot = slotOfKey.get(key);
    if (slot < 0) {
      return;
    }
    int[] list = postings[slot];
    int n = sizes[slot];
    for (int i = 0; i < n; i++) {
      action.accept(list[i]);
    }
  }

  public long bytes() {
    long n = slotOfKey.bytes() + 32 + postings.length * 8L + sizes.length * 4L;
    for (int i = 0; i < slots; i++) {
      n += 16 + postings[i].length * 4L;
    }
    return n;
  }
}
