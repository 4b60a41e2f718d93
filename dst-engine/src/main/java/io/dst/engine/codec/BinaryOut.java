package io.dst.engine.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer with the primitive encodings shared by log entries and snapshots: varints
 * (LEB128, zig-zag for signed longs), length-prefixed UTF-8 strings and self-describing tagged values
 * (see {@link ValueTag}). Everything is written in one fixed byte order so that equal state always
 * encodes to equal bytes.
 */
public final class BinaryOut {
  private byte[] buf;
  private int size;

  public BinaryOut() {
    this(256);
  }

  public BinaryOut(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public int size() {
    return size;
  }

  /** The bytes written so far, as a fresh array. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** The internal buffer; valid up to {@link #size()}. */
  public byte[] buffer() {
    return buf;
  }

  public BinaryOut writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
    return this;
  }

  public BinaryOut writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
  }

  public BinaryOut writeInt(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public BinaryOut writeLong(long v) {
    writeInt((int) (v >>> 32));
    return writeInt((int) v);
  }

  /** Unsigned LEB128; negative values take 5 bytes. */
  public BinaryOut writeVarInt(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
    return this;
  }

  /** Zig-zag LEB128 of a signed long. */
  public BinaryOut writeVarLong(long v) {
    ensure(10);
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[size++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[size++] = (byte) z;
    return this;
  }

  public BinaryOut writeBool(boolean b) {
    return writeByte(b ? 1 : 0);
  }

  public BinaryOut writeDouble(double d) {
    return writeLong(Double.doubleToRawLongBits(d));
  }

  public BinaryOut writeString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarInt(b.length);
    return writeBytes(b, 0, b.length);
  }

  /** A string that may be null (a presence byte first). */
  public BinaryOut writeNullableString(String s) {
    if (s == null) {
      return writeByte(0);
    }
    writeByte(1);
    return writeString(s);
  }

  public BinaryOut writeByteArray(byte[] b) {
    writeVarInt(b.length);
    return writeBytes(b, 0, b.length);
  }

  /** A tagged value of one of the engine's value classes (or a List of them, or null). */
  public BinaryOut writeValue(Object v) {
    if (v == null) {
      return writeByte(ValueTag.NULL);
    }
    if (v instanceof String s) {
      writeByte(ValueTag.STRING);
      return writeString(s);
    }
    if (v instanceof Integer i) {
      writeByte(ValueTag.INT);
      return writeVarLong(i);
    }
    if (v instanceof Long l) {
      writeByte(ValueTag.LONG);
      return writeVarLong(l);
    }
    if (v instanceof Double d) {
      writeByte(ValueTag.DOUBLE);
      return writeDouble(d);
    }
    if (v instanceof Boolean b) {
      return writeByte(b ? ValueTag.TRUE : ValueTag.FALSE);
    }
    if (v instanceof byte[] bytes) {
      writeByte(ValueTag.BYTES);
      return writeByteArray(bytes);
    }
    if (v instanceof List<?> list) {
      writeByte(ValueTag.LIST);
      writeVarInt(list.size());
      for (Object o : list) {
        writeValue(o);
      }
      return this;
    }
    throw new IllegalArgumentException("cannot encode a value of class " + v.getClass().getName());
  }
}
