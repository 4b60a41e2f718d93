package io.dst.engine.column;

import io.dst.engine.Partitioner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct byte strings (UTF-8 for string columns) of one column of one partition, each with a
 * dense int code in first-seen order. The bytes are packed in one arena with an offsets array, and
 * the lookup table is open addressing over int codes, so a distinct value costs its bytes plus about
 * 12 bytes, and no Java object. Codes are never reused; compaction rebuilds the dictionary.
 *
 * <p>Small dictionaries (at most {@link #CACHE_LIMIT} values, the typical low-cardinality column)
 * also keep each value's decoded String, so reading them neither allocates nor touches the arena;
 * a dictionary that outgrows the limit drops that cache for good.
 */
public final class ByteDictionary {
  private byte[] arena = new byte[256];
  private int arenaSize;
  private int[] offsets = new int[17]; // offsets[code] .. offsets[code + 1]
  private int count;
  private int[] table = new int[32]; // code + 1, 0 for empty
  private int[] hashes = new int[16];
  /** Decoded strings by code while the dictionary is small; null once it has outgrown the limit. */
  private String[] strings = new String[16];

  /** Dictionaries up to this many values cache their decoded strings. */
  public static final int CACHE_LIMIT = 16_384;

  public int size() {
    return count;
  }

  /** The code of the bytes, or -1 when absent. */
  public int find(byte[] b) {
    int h = Partitioner.murmur3(b);
    int mask = table.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int slot = table[i];
      if (slot == 0) {
        return -1;
      }
      int code = slot - 1;
      if (hashes[code] == h && equalsAt(code, b)) {
        return code;
      }
    }
  }

  public int find(String s) {
    return find(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The code of the bytes, adding them when absent. */
  public int intern(byte[] b) {
    int h = Partitioner.murmur3(b);
    int mask = table.length - 1;
    int i = h & mask;
    for (; ; i = (i + 1) & mask) {
      int slot = table[i];
      if (slot == 0) {
        break;
      }
      int code = slot - 1;
      if (hashes[code] == h && equalsAt(code, b)) {
        return code;
      }
    }
    int code = count++;
    if (count + 1 > offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    if (code >= hashes.length) {
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
    }
    if (arenaSize + b.length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + b.length));
    }
    System.arraycopy(b, 0, arena, arenaSize, b.length);
    offsets[code] = arenaSize;
    arenaSize += b.length;
    offsets[code + 1] = arenaSize;
    hashes[code] = h;
    table[i] = code + 1;
    if (count * 4 > table.length * 3) {
      rehash();
    }
    return code;
  }

  public int intern(String s) {
    int before = count;
    int code = intern(s.getBytes(StandardCharsets.UTF_8));
    if (code == before && strings != null) {
      if (count > CACHE_LIMIT) {
        strings = null;
      } else {
        if (code >= strings.length) {
          strings = Arrays.copyOf(strings, strings.length * 2);
        }
        strings[code] = s;
      }
    }
    return code;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int code = 0; code < count; code++) {
      int i = hashes[code] & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      t[i] = code + 1;
    }
    table = t;
  }

  private boolean equalsAt(int code, byte[] b) {
    int start = offsets[code];
    int len = offsets[code + 1] - start;
    return len == b.length && Arrays.equals(arena, start, start + len, b, 0, len);
  }

  public String string(int code) {
    String[] cache = strings;
    if (cache != null && code < cache.length && cache[code] != null) {
      return cache[code];
    }
    int start = offsets[code];
    return new String(arena, start, offsets[code + 1] - start, StandardCharsets.UTF_8);
  }

  public byte[] bytes(int code) {
    return Arrays.copyOfRange(arena, offsets[code], offsets[code + 1]);
  }

  /** Compares two codes' bytes as unsigned bytes, which for UTF-8 is code point order. */
  public int compare(int a, int b) {
    return Arrays.compareUnsigned(arena, offsets[a], offsets[a + 1], arena, offsets[b], offsets[b + 1]);
  }

  /** Compares a code's bytes with other bytes, unsigned. */
  public int compare(int code, byte[] other) {
    return Arrays.compareUnsigned(arena, offsets[code], offsets[code + 1], other, 0, other.length);
  }

  public long bytes() {
    long cached = 0;
    if (strings != null) {
      cached = 16 + strings.length * 4L;
      for (int i = 0; i < Math.min(count, strings.length); i++) {
        cached += strings[i] == null ? 0 : 40 + strings[i].length();
      }
    }
    return 16L * 5 + arena.length + offsets.length * 4L + table.length * 4L + hashes.length * 4L + cached;
  }
}
