package io.dst.engine.table;

import java.util.Arrays;

/** A growable list of ints without boxing. */
final class IntList {
  private int[] values = new int[16];
  private int size;

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  /** The backing array; only the first {@link #size()} values are meaningful. */
  int[] array() {
    return values;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
