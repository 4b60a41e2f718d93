package io.dst.engine.column;

import io.dst.engine.schema.ScalarType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An array column, offset-packed: each position holds a start and a length into one growable
 * element array of longs (values for int/long/timestamp, IEEE bits for double, 0/1 for bool, and
 * codes into a per-column {@link ByteDictionary} for string/bytes elements). An update appends the
 * new elements and repoints the position; compaction drops the old ones.
 */
public final class ArrayVector extends ColumnVector {
  private final ScalarType element;
  private final ByteDictionary dict;
  private int[][] starts = new int[0][];
  private int[][] lengths = new int[0][];
  private long[] elements = new long[64];
  private int elementCount;

  public ArrayVector(ScalarType element) {
    this.element = element;
    this.dict = element == ScalarType.STRING || element == ScalarType.BYTES ? new ByteDictionary() : null;
  }

  @Override
  protected void ensureCapacity(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= starts.length) {
      int n = Math.max(c + 1, starts.length * 2);
      starts = Arrays.copyOf(starts, n);
      lengths = Arrays.copyOf(lengths, n);
    }
    if (starts[c] == null) {
      starts[c] = new int[Chunks.SIZE];
      lengths[c] = new int[Chunks.SIZE];
    }
  }

  @Override
  protected void write(int pos, Object v) {
    List<?> list = (List<?>) v;
    int n = list.size();
    if (elementCount + n > elements.length) {
      elements = Arrays.copyOf(elements, Math.max(elements.length * 2, elementCount + n));
    }
    int start = elementCount;
    for (Object e : list) {
      elements[elementCount++] = encode(e);
    }
    starts[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = start;
    lengths[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = n;
  }

  private long encode(Object e) {
    return switch (element) {
      case INT, LONG, TIMESTAMP -> ((Number) e).longValue();
      case DOUBLE -> Double.doubleToLongBits((Double) e);
      case BOOL -> (Boolean) e ? 1 : 0;
      case STRING -> dict.intern(((String) e).getBytes(StandardCharsets.UTF_8));
      case BYTES -> dict.intern((byte[]) e);
    };
  }

  private Object decode(long e) {
    return switch (element) {
      case INT -> (int) e;
      case LONG, TIMESTAMP -> e;
      case DOUBLE -> Double.longBitsToDouble(e);
      case BOOL -> e != 0;
      case STRING -> dict.string((int) e);
      case BYTES -> dict.bytes((int) e);
    };
  }

  @Override
  protected void writeNull(int pos) {
    starts[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = 0;
    lengths[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = 0;
  }

  @Override
  protected Object read(int pos) {
    int start = starts[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
    int n = lengths[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
    if (n == 0) {
      return List.of();
    }
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(decode(elements[start + i]));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public long key(int pos) {
    // Arrays are indexed by a hash of their elements; lookups recheck equality.
    int start = starts[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
    int n = lengths[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
    long h = n;
    for (int i = 0; i < n; i++) {
      h = h * 0x9E3779B97F4A7C15L + elements[start + i];
    }
    return h;
  }

  @Override
  public long keyOf(Object value) {
    List<?> list = (List<?>) value;
    long h = list.size();
    for (Object e : list) {
      long enc;
      if (dict != null) {
        int code = dict.find(element == ScalarType.STRING
            ? ((String) e).getBytes(StandardCharsets.UTF_8) : (byte[]) e);
        if (code < 0) {
          return NO_KEY;
        }
        enc = code;
      } else {
        enc = encode(e);
      }
      h = h * 0x9E3779B97F4A7C15L + enc;
    }
    return h;
  }

  @Override
  public long bytes() {
    return nulls.bytes() + (dict == null ? 0 : dict.bytes()) + 16 + elements.length * 8L
        + starts.length * 2L * (8 + 16 + Chunks.SIZE * 4L);
  }
}
