package io.dst.node.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes RESP replies into a buffer in the connection's protocol version: RESP3 has its own map and
 * null types, RESP2 spells maps as flat arrays and null as a nil bulk string. Commands write through
 * it, so a reply needs no intermediate objects.
 */
public final class RespWriter {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NIL2 = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NIL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[][] SMALL_INTEGERS = new byte[32][];

  static {
    for (int i = 0; i < SMALL_INTEGERS.length; i++) {
      SMALL_INTEGERS[i] = (":" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final ByteBuf buf;
  private final int protocol;

  public RespWriter(ByteBuf buf, int protocol) {
    this.buf = buf;
    this.protocol = protocol;
  }

  public int protocol() {
    return protocol;
  }

  public ByteBuf buffer() {
    return buf;
  }

  public RespWriter ok() {
    buf.writeBytes(OK);
    return this;
  }

  /** A simple string: status text that has no CR or LF. */
  public RespWriter simple(String text) {
    buf.writeByte('+');
    buf.writeCharSequence(text, StandardCharsets.UTF_8);
    buf.writeBytes(CRLF);
    return this;
  }

  /** An error line, e.g. "ERR syntax error"; line breaks in the text would end the reply early. */
  public RespWriter error(String line) {
    buf.writeByte('-');
    buf.writeCharSequence(line.replace('\r', ' ').replace('\n', ' '), StandardCharsets.UTF_8);
    buf.writeBytes(CRLF);
    return this;
  }

  public RespWriter integer(long v) {
    if (v >= 0 && v < SMALL_INTEGERS.length) {
      buf.writeBytes(SMALL_INTEGERS[(int) v]);
      return this;
    }
    buf.writeByte(':');
    writeDecimal(v);
    buf.writeBytes(CRLF);
    return this;
  }

  /** A bulk string of UTF-8 text, or the null reply when {@code s} is null. */
  public RespWriter bulk(String s) {
    if (s == null) {
      return nil();
    }
    buf.writeByte('$');
    writeDecimal(ByteBufUtil.utf8Bytes(s));
    buf.writeBytes(CRLF);
    ByteBufUtil.writeUtf8(buf, s);
    buf.writeBytes(CRLF);
    return this;
  }

  public RespWriter bulk(byte[] bytes) {
    buf.writeByte('$');
    writeDecimal(bytes.length);
    buf.writeBytes(CRLF);
    buf.writeBytes(bytes);
    buf.writeBytes(CRLF);
    return this;
  }

  public RespWriter nil() {
    buf.writeBytes(protocol >= 3 ? NIL3 : NIL2);
    return this;
  }

  public RespWriter arrayHeader(int n) {
    buf.writeByte('*');
    writeDecimal(n);
    buf.writeBytes(CRLF);
    return this;
  }

  /** A map of {@code n} pairs; the caller writes 2n elements after it. */
  public RespWriter mapHeader(int n) {
    if (protocol >= 3) {
      buf.writeByte('%');
      writeDecimal(n);
      buf.writeBytes(CRLF);
      return this;
    }
    return arrayHeader(2 * n);
  }

  public RespWriter bulkArray(Collection<String> items) {
    arrayHeader(items.size());
    for (String s : items) {
      bulk(s);
    }
    return this;
  }

  public RespWriter bulkMap(Map<String, String> map) {
    mapHeader(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      bulk(e.getKey());
      bulk(e.getValue());
    }
    return this;
  }

  private void writeDecimal(long v) {
    if (v >= 0 && v < 10) {
      buf.writeByte('0' + (int) v);
      return;
    }
    buf.writeCharSequence(Long.toString(v), StandardCharsets.US_ASCII);
  }
}
