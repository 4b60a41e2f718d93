package io.dst.engine.column;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string or bytes column, dictionary-encoded: each position holds an int code into the
 * partition's {@link ByteDictionary} for this column. Equality predicates, group-by and index keys
 * work on codes without decoding.
 */
public final class DictVector extends ColumnVector {
  private final boolean string;
  private final ByteDictionary dict = new ByteDictionary();
  private int[][] chunks = new int[0][];

  public DictVector(boolean string) {
    this.string = string;
  }

  public ByteDictionary dictionary() {
    return dict;
  }

  public boolean isString() {
    return string;
  }

  /** Codes of chunk {@code c}; null positions hold -1. */
  public int[] chunk(int c) {
    return chunks[c];
  }

  public int code(int pos) {
    return chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK];
  }

  /** The value a code stands for (String or byte[]). */
  public Object decode(int code) {
    return string ? dict.string(code) : dict.bytes(code);
  }

  /** The code of a canonical value, or -1 when no position holds it. */
  public int find(Object value) {
    return dict.find(toBytes(value));
  }

  /** The bytes a canonical value is stored as. */
  public byte[] toBytes(Object value) {
    return string ? ((String) value).getBytes(StandardCharsets.UTF_8) : (byte[]) value;
  }

  @Override
  protected void ensureCapacity(int pos) {
    int c = pos >>> Chunks.SHIFT;
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
    }
    if (chunks[c] == null) {
      chunks[c] = new int[Chunks.SIZE];
    }
  }

  @Override
  protected void write(int pos, Object v) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] =
        string ? dict.intern((String) v) : dict.intern((byte[]) v);
  }

  @Override
  protected void writeNull(int pos) {
    chunks[pos >>> Chunks.SHIFT][pos & Chunks.MASK] = -1;
  }

  @Override
  protected Object read(int pos) {
    return decode(code(pos));
  }

  @Override
  public void gather(int[] positions, int n, Object[][] rows, int col) {
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = code(positions[i]);
    }
    for (int i = 0; i < n; i++) {
      int code = codes[i];
      rows[i][col] = code < 0 ? null : decode(code); // null positions hold -1
    }
  }

  @Override
  public long key(int pos) {
    return code(pos);
  }

  @Override
  public long keyOf(Object value) {
    int code = find(value);
    return code < 0 ? NO_KEY : code;
  }

  @Override
  public long bytes() {
    return nulls.bytes() + dict.bytes() + 16 + chunks.length * (8L + 16 + Chunks.SIZE * 4L);
  }
}
