package io.dst.engine.index;

import io.dst.engine.column.ColumnVector;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A secondary hash index of one partition over one or more columns. Rows with the same key form a
 * doubly linked chain through per-position {@code next}/{@code prev} arrays, so the index costs 8
 * bytes per row plus one map entry per distinct key, and removing a row is O(1). The key of a
 * multi-column index is a hash of the columns' keys, so callers recheck candidates against their
 * predicate; rows with a null in any indexed column are not indexed (equality never matches null).
 */
public final class SecondaryIndex {
  private static final int NOT_INDEXED = -2;
  private static final int END = -1;

  private final String name;
  private final int[] columns;
  private final ColumnVector[] vectors;
  private final LongIntHashMap heads = new LongIntHashMap();
  private int[] next = new int[0];
  private int[] prev = new int[0];

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

  public boolean covers(int column) {
    return columns.length == 1 && columns[0] == column;
  }

  private void ensure(int pos) {
    if (pos >= next.length) {
      int n = Math.max(pos + 1, Math.max(64, next.length + (next.length >> 1)));
      int old = next.length;
      next = Arrays.copyOf(next, n);
      prev = Arrays.copyOf(prev, n);
      Arrays.fill(next, old, n, NOT_INDEXED);
      Arrays.fill(prev, old, n, NOT_INDEXED);
    }
  }

  /** The key of the row at {@code pos}, or null-marker false when a column is null. */
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
    ensure(pos);
    if (hasNull(pos)) {
      next[pos] = prev[pos] = NOT_INDEXED;
      return;
    }
    long key = keyAt(pos);
    int head = heads.put(key, pos);
    next[pos] = head < 0 ? END : head;
    prev[pos] = END;
    if (head >= 0) {
      prev[head] = pos;
    }
  }

  /** Removes the row at {@code pos}; call before its indexed values change. */
  public void remove(int pos) {
    if (pos >= next.length || next[pos] == NOT_INDEXED) {
      return;
    }
    int n = next[pos];
    int p = prev[pos];
    if (p == END) {
      long key = keyAt(pos);
      if (n == END) {
        heads.remove(key);
      } else {
        heads.put(key, n);
      }
    } else {
      next[p] = n;
    }
    if (n != END) {
      prev[n] = p;
    }
    next[pos] = prev[pos] = NOT_INDEXED;
  }

  /** Calls {@code action} with every position indexed under {@code key} (candidates; recheck). */
  public void forEach(long key, IntConsumer action) {
    if (key == ColumnVector.NO_KEY) {
      return;
    }
    for (int pos = heads.get(key); pos >= 0; pos = next[pos]) {
      action.accept(pos);
    }
  }

  public long bytes() {
    return heads.bytes() + 32 + next.length * 8L;
  }
}
