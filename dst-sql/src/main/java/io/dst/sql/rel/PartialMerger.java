package io.dst.sql.rel;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.PartialColumn;
import io.dst.engine.expr.PartialGroups;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the columnar partial aggregates of one key-hash shard of the partitions' groups into an
 * open-addressing table of merged groups with primitive state per call. Keys are compared only when
 * their hashes match, and groups come out in first-seen order (partition by partition).
 */
final class PartialMerger {
  /** One partition's partials with the merge key and its spread hash per group, computed in parallel. */
  record Keyed(PartialGroups groups, Object[] keys, int[] hashes) {}

  private final List<AggregateCall> calls;
  private int size;
  private int[] slots; // group index + 1, 0 = empty
  private int[] groupHash;
  private Object[] groupKey;
  private final long[][] count;
  private final long[][] longs;
  private final double[][] doubles;
  private final Object[][] objects;
  private final byte[] kind; // per call: 0 none yet, 1 longs, 2 doubles, 3 objects

  PartialMerger(List<AggregateCall> calls, int expected) {
    this.calls = calls;
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new int[cap];
    groupHash = new int[Math.max(16, expected)];
    groupKey = new Object[groupHash.length];
    int n = calls.size();
    count = new long[n][groupHash.length];
    longs = new long[n][];
    doubles = new double[n][];
    objects = new Object[n][];
    kind = new byte[n];
  }

  int size() {
    return size;
  }

  Object key(int group) {
    return groupKey[group];
  }

  /** Merges the groups of {@code part} whose hash falls into {@code shard} of {@code shards}. */
  void merge(Keyed part, int shard, int shards) {
    int[] hashes = part.hashes();
    Object[] keys = part.keys();
    PartialColumn[] columns = part.groups().calls();
    int[] target = new int[hashes.length];
    int n = 0;
    int[] source = new int[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      int h = hashes[i];
      if (shards > 1 && Math.floorMod(h, shards) != shard) {
        continue;
      }
      source[n] = i;
      target[n++] = find(h, keys[i]);
    }
    // Call by call, so each inner loop runs over one pair of primitive arrays.
    for (int c = 0; c < columns.length; c++) {
      mergeColumn(c, columns[c], source, target, n);
    }
  }

  private int find(int h, Object key) {
    int mask = slots.length - 1;
    int s = h & mask;
    while (true) {
      int g = slots[s] - 1;
      if (g < 0) {
        return add(s, h, key);
      }
      if (groupHash[g] == h && groupKey[g].equals(key)) {
        return g;
      }
      s = (s + 1) & mask;
    }
  }

  private int add(int slot, int h, Object key) {
    if (size == groupHash.length) {
      grow();
    }
    int g = size++;
    groupHash[g] = h;
    groupKey[g] = key;
    slots[slot] = g + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return g;
  }

  private void grow() {
    int n = groupHash.length * 2;
    groupHash = Arrays.copyOf(groupHash, n);
    groupKey = Arrays.copyOf(groupKey, n);
    for (int c = 0; c < count.length; c++) {
      count[c] = Arrays.copyOf(count[c], n);
      if (longs[c] != null) {
        longs[c] = Arrays.copyOf(longs[c], n);
      }
      if (doubles[c] != null) {
        doubles[c] = Arrays.copyOf(doubles[c], n);
      }
      if (objects[c] != null) {
        objects[c] = Arrays.copyOf(objects[c], n);
      }
    }
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int g = 0; g < size; g++) {
      int s = groupHash[g] & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = g + 1;
    }
  }

  private void mergeColumn(int c, PartialColumn col, int[] source, int[] target, int n) {
    long[] cnt = count[c];
    long[] pc = col.count();
    AggregateFunction f = calls.get(c).function();
    byte k = col.longs() != null ? (byte) 1 : col.doubles() != null ? (byte) 2 : col.objects() != null ? (byte) 3 : 0;
    if (k != 0 && kind[c] != k) {
      if (kind[c] != 0) {
        throw new DstException(ErrorCode.INTERNAL, "partitions disagree on the partial type of " + f);
      }
      kind[c] = k;
      switch (k) {
        case 1 -> longs[c] = new long[cnt.length];
        case 2 -> doubles[c] = new double[cnt.length];
        default -> objects[c] = new Object[cnt.length];
      }
    }
    int mode = f == AggregateFunction.MIN ? 1 : f == AggregateFunction.MAX ? 2 : 0;
    for (int j = 0; j < n; j++) {
      int i = source[j];
      int g = target[j];
      long add = pc[i];
      if (add == 0) {
        continue;
      }
      boolean first = cnt[g] == 0;
      cnt[g] += add;
      switch (k) {
        case 1 -> {
          long x = col.longs()[i];
          long[] a = longs[c];
          a[g] = first ? x : mode == 0 ? a[g] + x : mode == 1 ? Math.min(a[g], x) : Math.max(a[g], x);
        }
        case 2 -> {
          double x = col.doubles()[i];
          double[] a = doubles[c];
          a[g] = first ? x : mode == 0 ? a[g] + x : mode == 1 ? Math.min(a[g], x) : Math.max(a[g], x);
        }
        case 3 -> {
          Object x = col.objects()[i];
          Object[] a = objects[c];
          if (first) {
            a[g] = x;
          } else {
            int cmp = RowComparator.compareValues(x, a[g]);
            if (mode == 1 ? cmp < 0 : cmp > 0) {
              a[g] = x;
            }
          }
        }
        default -> { }
      }
    }
  }

  /**
   * Group {@code g}'s merged state of call {@code c} in the boxed partial form of {@link
   * AggregateFunction}: a Long count, a Long or Double sum (null over no input), a {@code
   * double[]{sum, count}} for AVG, the min or max value (null over no input).
   */
  Object partial(int c, int g) {
    long cnt = count[c][g];
    switch (calls.get(c).function()) {
      case COUNT_STAR, COUNT:
        return cnt;
      case AVG:
        return new double[] {cnt == 0 ? 0 : doubles[c][g], cnt};
      default:
        if (cnt == 0) {
          return null;
        }
        return switch (kind[c]) {
          case 1 -> (Object) longs[c][g];
          case 2 -> (Object) doubles[c][g];
          default -> objects[c][g];
        };
    }
  }
}
