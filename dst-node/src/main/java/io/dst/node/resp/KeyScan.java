package io.dst.node.resp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stateless SCAN cursors over a key listing that has no order of its own: keys are visited in the
 * order of a fixed 62-bit hash, and the cursor is the hash to resume from. A key present for the
 * whole iteration is returned exactly once whatever else is added or removed, because keys sharing
 * a hash are always returned together and the order never depends on the other keys.
 */
final class KeyScan {
  private static final long HASH_MASK = (1L << 62) - 1;

  private KeyScan() {}

  /** One page of a scan: the keys and the cursor to send next (0 when done). */
  record Page(long nextCursor, List<String> keys) {}

  static Page page(List<String> keys, long cursor, int count) {
    List<long[]> order = new ArrayList<>();
    List<String> candidates = new ArrayList<>();
    for (String k : keys) {
      long h = hash(k);
      if (h >= cursor) {
        order.add(new long[] {h, candidates.size()});
        candidates.add(k);
      }
    }
    order.sort(Comparator.comparingLong(a -> a[0]));
    List<String> out = new ArrayList<>(Math.min(count, order.size()));
    int i = 0;
    while (i < order.size() && (out.size() < count || order.get(i)[0] == order.get(i - 1)[0])) {
      out.add(candidates.get((int) order.get(i)[1]));
      i++;
    }
    long next = i < order.size() ? order.get(i - 1)[0] + 1 : 0;
    return new Page(next, out);
  }

  /** A fixed, well-mixed hash of the key's UTF-8 bytes (FNV-1a, then a murmur finaliser). */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h & HASH_MASK;
  }
}
