package io.dst.engine.codec;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads what {@link BinaryOut} wrote, checking every length against the bytes left. Any malformed
 * input raises {@link ErrorCode#CORRUPT_DATA} with a message that starts with {@code what} (for
 * example "log entry" or "snapshot of task_table/3") and says where reading failed.
 */
public final class BinaryIn {
  private final byte[] buf;
  private final int end;
  private final String what;
  private int pos;

  public BinaryIn(byte[] buf, int offset, int length, String what) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
    this.what = what;
  }

  public int position() {
    return pos;
  }

  public boolean atEnd() {
    return pos >= end;
  }

  /** The error for malformed input at the current position. */
  public DstException corrupt(String problem) {
    return new DstException(ErrorCode.CORRUPT_DATA, what + " is corrupt: " + problem + " at byte " + pos);
  }

  private void need(int n) {
    if (n < 0 || pos + n > end) {
      throw corrupt("truncated (needs " + n + " more bytes, has " + (end - pos) + ")");
    }
  }

  public int readByte() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  public boolean readBool() {
    int b = readByte();
    if (b > 1) {
      throw corrupt("bad boolean byte " + b);
    }
    return b == 1;
  }

  public int readInt() {
    need(4);
    int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
        | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  public long readLong() {
    long hi = readInt() & 0xFFFFFFFFL;
    long lo = readInt() & 0xFFFFFFFFL;
    return (hi << 32) | lo;
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public int readVarInt() {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw corrupt("varint longer than 5 bytes");
  }

  /** A varint that must be a count or size in [0, max]. */
  public int readCount(int max) {
    int n = readVarInt();
    if (n < 0 || n > max) {
      throw corrupt("count " + n + " out of range [0, " + max + "]");
    }
    return n;
  }

  public long readVarLong() {
    long z = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = readByte();
      z |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (z >>> 1) ^ -(z & 1);
      }
    }
    throw corrupt("varlong longer than 10 bytes");
  }

  public String readString() {
    int n = readCount(end - pos);
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  public String readNullableString() {
    return readBool() ? readString() : null;
  }

  public byte[] readByteArray() {
    int n = readCount(end - pos);
    need(n);
    byte[] b = new byte[n];
    System.arraycopy(buf, pos, b, 0, n);
    pos += n;
    return b;
  }

  public Object readValue() {
    int tag = readByte();
    switch (tag) {
      case ValueTag.NULL:
        return null;
      case ValueTag.STRING:
        return readString();
      case ValueTag.INT: {
        long v = readVarLong();
        if (v != (int) v) {
          throw corrupt("int value " + v + " out of range");
        }
        return (int) v;
      }
      case ValueTag.LONG:
        return readVarLong();
      case ValueTag.DOUBLE:
        return readDouble();
      case ValueTag.TRUE:
        return Boolean.TRUE;
      case ValueTag.FALSE:
        return Boolean.FALSE;
      case ValueTag.BYTES:
        return readByteArray();
      case ValueTag.LIST: {
        int n = readCount(end - pos);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readValue());
        }
        return Collections.unmodifiableList(list);
      }
      default:
        throw corrupt("unknown value tag " + tag);
    }
  }
}
