package io.dst.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Maps a key to its partition with a hash that is the same in every JVM and every release: strings
 * and byte arrays hash their UTF-8 / raw bytes with 32-bit MurmurHash3, numbers of integral types hash
 * as the same long (so {@code 3} and {@code 3L} land together), doubles by their IEEE bits. Never
 * change the function: partition placement of stored data depends on it.
 */
public final class Partitioner {
  /** Default number of kv partitions. */
  public static final int DEFAULT_KV_PARTITIONS = 16;

  private Partitioner() {}

  /** The partition (0 ≤ p < partitions) that holds {@code key}. */
  public static int partitionOf(Object key, int partitions) {
    if (partitions <= 0) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "partition count must be positive, got " + partitions);
    }
    return Math.floorMod(hash(key), partitions);
  }

  /** The stable 32-bit hash of a key. */
  public static int hash(Object key) {
    if (key == null) {
      return 0;
    }
    if (key instanceof String s) {
      return murmur3(s);
    }
    if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte) {
      return mixLong(((Number) key).longValue());
    }
    if (key instanceof Double d) {
      return mixLong(Double.doubleToLongBits(d));
    }
    if (key instanceof Float f) {
      return mixLong(Double.doubleToLongBits(f.doubleValue()));
    }
    if (key instanceof Boolean b) {
      return b ? 1231 : 1237;
    }
    if (key instanceof byte[] bytes) {
      return murmur3(bytes);
    }
    if (key instanceof List<?> list) {
      int h = 1;
      for (Object o : list) {
        h = 31 * h + hash(o);
      }
      return h;
    }
    throw new DstException(ErrorCode.INVALID_ARGUMENT,
        "cannot partition by a key of type " + key.getClass().getSimpleName());
  }

  /** The finalizer of MurmurHash3's 64-bit variant, folded to 32 bits. */
  public static int mixLong(long v) {
    long h = v;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h ^ (int) (h >>> 32);
  }

  /**
   * MurmurHash3 of {@code s}'s UTF-8 bytes. An ASCII string's chars are its UTF-8 bytes, so it is
   * hashed in place (every kv write hashes its key, twice); others are encoded first.
   */
  static int murmur3(String s) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) >= 0x80) {
        return murmur3(s.getBytes(StandardCharsets.UTF_8));
      }
    }
    int h1 = 0;
    int end = length & ~3;
    for (int i = 0; i < end; i += 4) {
      h1 = mixBlock(h1, s.charAt(i) | (s.charAt(i + 1) << 8) | (s.charAt(i + 2) << 16)
          | (s.charAt(i + 3) << 24));
    }
    int k1 = 0;
    switch (length & 3) {
      case 3:
        k1 = s.charAt(end + 2) << 16;
        // fall through
      case 2:
        k1 |= s.charAt(end + 1) << 8;
        // fall through
      case 1:
        k1 |= s.charAt(end);
        h1 ^= mixTail(k1);
        break;
      default:
        break;
    }
    return finish(h1, length);
  }

  /** MurmurHash3 x86 32-bit with seed 0. */
  public static int murmur3(byte[] data) {
    return murmur3(data, 0, data.length);
  }

  /** MurmurHash3 x86 32-bit with seed 0 over {@code data[offset, offset+length)}. */
  public static int murmur3(byte[] data, int offset, int length) {
    int h1 = 0;
    int end = offset + (length & ~3);
    for (int i = offset; i < end; i += 4) {
      h1 = mixBlock(h1, (data[i] & 0xff) | ((data[i + 1] & 0xff) << 8)
          | ((data[i + 2] & 0xff) << 16) | (data[i + 3] << 24));
    }
    int k1 = 0;
    switch (length & 3) {
      case 3:
        k1 = (data[end + 2] & 0xff) << 16;
        // fall through
      case 2:
        k1 |= (data[end + 1] & 0xff) << 8;
        // fall through
      case 1:
        k1 |= data[end] & 0xff;
        h1 ^= mixTail(k1);
        break;
      default:
        break;
    }
    return finish(h1, length);
  }

  /** One 4-byte block of MurmurHash3 x86 32-bit folded into the running hash. */
  private static int mixBlock(int h1, int block) {
    int h = h1 ^ mixTail(block);
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  /** The key mixing MurmurHash3 applies to each block and to the tail. */
  private static int mixTail(int k) {
    int k1 = k * 0xcc9e2d51;
    k1 = Integer.rotateLeft(k1, 15);
    return k1 * 0x1b873593;
  }

  private static int finish(int h, int length) {
    int h1 = h ^ length;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >>> 16;
    return h1;
  }
}
