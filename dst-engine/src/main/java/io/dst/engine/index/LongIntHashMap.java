package io.dst.engine.index;

import java.util.Arrays;

/**
 * A primitive hash map from long keys to non-negative int values (row positions), with open
 * addressing, linear probing and backward-shift deletion: about 12 bytes / load factor per entry and
 * no boxing.
 */
public final class LongIntHashMap {
  private long[] keys;
  private int[] values; // value + 1; 0 marks an empty slot
  private int size;
  private int mask;

  public LongIntHashMap() {
    this(16);
  }

  public LongIntHashMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 4 / 3) - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  public int size() {
    return size;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The value for the key, or -1. */
  public int get(long key) {
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      int v = values[i];
      if (v == 0) {
        return -1;
      }
      if (keys[i] == key) {
        return v - 1;
      }
    }
  }

  /** Sets the value for the key and returns the previous value, or -1. */
  public int put(long key, int value) {
    int i = slot(key, mask);
    for (; ; i = (i + 1) & mask) {
      int v = values[i];
      if (v == 0) {
        break;
      }
      if (keys[i] == key) {
        values[i] = value + 1;
        return v - 1;
      }
    }
    keys[i] = key;
    values[i] = value + 1;
    if (++size * 4 > keys.length * 3) {
      grow();
    }
    return -1;
  }

  /** Removes the key and returns its value, or -1 when absent. */
  public int remove(long key) {
    int i = slot(key, mask);
    for (; ; i = (i + 1) & mask) {
      int v = values[i];
      if (v == 0) {
        return -1;
      }
      if (keys[i] == key) {
        break;
      }
    }
    int old = values[i] - 1;
    // Backward-shift deletion keeps every probe chain unbroken without tombstones.
    int gap = i;
    for (int j = (gap + 1) & mask; values[j] != 0; j = (j + 1) & mask) {
      int home = slot(keys[j], mask);
      boolean between = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
      if (!between) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    values[gap] = 0;
    keys[gap] = 0;
    size--;
    return old;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != 0) {
        int j = slot(oldKeys[i], mask);
        while (values[j] != 0) {
          j = (j + 1) & mask;
        }
        keys[j] = oldKeys[i];
        values[j] = oldValues[i];
      }
    }
  }

  public void clear() {
    Arrays.fill(values, 0);
    size = 0;
  }

  public long bytes() {
    return 32L + keys.length * 12L;
  }
}
