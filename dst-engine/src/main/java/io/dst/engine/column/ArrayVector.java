package io.dst.engine.column;

import io.dst.engine.schema.ScalarType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
  private int[][] spans = new int[0][]; // per chunk: start and length of row i at [2i], [2i+1]
  private long[] elements = new long[64];
  private int elementCount;

  public ArrayVector(ScalarType element) {
    this.element = element;
    this.dict = element == ScalarType.STRING || element == ScalarType.BYTES ? new ByteDictionary() : null;
  }

  @Override
  protected void ensureCapacity(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= spans.length) {
      spans = Arrays.copyOf(spans, Math.max(c + 1, spans.length * 2));
    }
    if (spans[c] == null) {
      spans[c] = new int[2 * Chunks.SIZE];
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
    int[] span = spans[pos >>> Chunks.SHIFT];
    span[2 * (pos & Chunks.MASK)] = start;
    span[2 * (pos & Chunks.MASK) + 1] = n;
  }

  private long encode(Object e) {
    return switch (element) {
      case INT, LONG, TIMESTAMP -> ((Number) e).longValue();
      case DOUBLE -> Double.doubleToLongBits((Double) e);
      case BOOL -> (Boolean) e ? 1 : 0;
      case STRING -> dict.intern((String) e);
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
    int[] span = spans[pos >>> Chunks.SHIFT];
    span[2 * (pos & Chunks.MASK)] = 0;
    span[2 * (pos & Chunks.MASK) + 1] = 0;
  }

  @Override
  protected Object read(int pos) {
    int[] span = spans[pos >>> Chunks.SHIFT];
    return list(span[2 * (pos & Chunks.MASK)], span[2 * (pos & Chunks.MASK) + 1]);
  }

  private List<Object> list(int start, int n) {
    // Short arrays (the common case) skip List.of(array)'s defensive copy.
    if (n == 0) {
      return List.of();
    }
    if (n == 1) {
      return List.of(decode(elements[start]));
    }
    if (n == 2) {
      return List.of(decode(elements[start]), decode(elements[start + 1]));
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = decode(elements[start + i]);
    }
    return List.of(out); // elements are never null
  }

  @Override
  public void gather(int[] positions, int n, Object[][] rows, int col) {
    int[] spanOf = new int[2 * n];
    for (int i = 0; i < n; i++) {
      int pos = positions[i];
      int[] span = spans[pos >>> Chunks.SHIFT];
      spanOf[2 * i] = span[2 * (pos & Chunks.MASK)];
      spanOf[2 * i + 1] = span[2 * (pos & Chunks.MASK) + 1];
    }
    for (int i = 0; i < n; i++) {
      rows[i][col] = spanOf[2 * i + 1] == 0 && nulls.get(positions[i]) ? null
          : list(spanOf[2 * i], spanOf[2 * i + 1]);
    }
  }

  @Override
  public long key(int pos) {
    // Arrays are indexed by a hash of their elements; lookups recheck equality.
    int[] span = spans[pos >>> Chunks.SHIFT];
    int start = span[2 * (pos & Chunks.MASK)];
    int n = span[2 * (pos & Chunks.MASK) + 1];
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
        + spans.length * (8L + 16 + Chunks.SIZE * 8L);
  }
}
