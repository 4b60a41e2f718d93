package io.dst.node.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes RESP2 requests (arrays of bulk strings, what every client library and redis-cli send)
 * into {@link RespCommand}s. It keeps its place across reads, so a request may arrive split at any
 * byte. Anything else (inline commands, a wrong type byte, a bad or oversized length, a bulk not
 * followed by CRLF) raises {@link RespProtocolException}; after that the decoder discards all input,
 * since the stream cannot be resynchronised.
 */
public final class RespDecoder extends ByteToMessageDecoder {
  /** Redis's own default for {@code proto-max-bulk-len}. */
  public static final int DEFAULT_MAX_BULK_LENGTH = 512 * 1024 * 1024;
  /** Redis accepts up to 2^31 elements; a million keeps a hostile header from costing gigabytes. */
  static final int MAX_ARGS = 1024 * 1024;
  /** The longest header a valid request has ("$536870912\r\n" plus slack). */
  private static final int MAX_HEADER = 32;
  private static final long INCOMPLETE = Long.MIN_VALUE;

  private final int maxBulkLength;
  private byte[][] args; // null while the next array header is awaited
  private int argCount;
  private int filled;
  private int bulkLength = -1; // the pending bulk's length once its header is read
  private boolean failed;
  private final HeaderParser header = new HeaderParser();

  public RespDecoder() {
    this(DEFAULT_MAX_BULK_LENGTH);
  }

  public RespDecoder(int maxBulkLength) {
    if (maxBulkLength < 1) {
      throw new IllegalArgumentException("max bulk length must be positive, got " + maxBulkLength);
    }
    this.maxBulkLength = maxBulkLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      // Decode every whole request in the buffer in one call: a pipelined read holds many.
      while (in.isReadable()) {
        int before = in.readerIndex();
        RespCommand command = decodeOne(in);
        if (command != null) {
          out.add(command);
        } else if (in.readerIndex() == before || args != null) {
          return; // waiting for more bytes
        }
      }
    } catch (RespProtocolException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  /** Advances as far as the buffered bytes allow; returns a command once one is complete. */
  private RespCommand decodeOne(ByteBuf in) {
    if (args == null) {
      long n = readHeader(in, (byte) '*');
      if (n == INCOMPLETE) {
        return null;
      }
      if (n > MAX_ARGS) {
        throw new RespProtocolException("invalid multibulk length " + n);
      }
      if (n <= 0) {
        return null; // Redis ignores "*0" and "*-1" requests without replying
      }
      argCount = (int) n;
      args = new byte[Math.min(argCount, 64)][];
      filled = 0;
    }
    while (filled < argCount) {
      if (bulkLength < 0) {
        long len = readHeader(in, (byte) '$');
        if (len == INCOMPLETE) {
          return null;
        }
        if (len < 0 || len > maxBulkLength) {
          throw new RespProtocolException("invalid bulk length " + len + " (limit " + maxBulkLength + ")");
        }
        bulkLength = (int) len;
      }
      if (in.readableBytes() < bulkLength + 2L) {
        return null;
      }
      byte[] arg = new byte[bulkLength];
      in.readBytes(arg);
      if (in.readShort() != ('\r' << 8 | '\n')) {
        throw new RespProtocolException("bulk string of " + bulkLength + " bytes not followed by CRLF");
      }
      if (filled == args.length) {
        args = Arrays.copyOf(args, Math.min(argCount, args.length * 2));
      }
      args[filled++] = arg;
      bulkLength = -1;
    }
    RespCommand command = new RespCommand(args);
    args = null;
    return command;
  }

  /** Reads a "{type}{integer}\r\n" line; INCOMPLETE (consuming nothing) until the whole line is in. */
  private long readHeader(ByteBuf in, byte type) {
    int start = in.readerIndex();
    int readable = in.readableBytes();
    if (readable == 0) {
      return INCOMPLETE;
    }
    byte first = in.getByte(start);
    if (first != type) {
      throw new RespProtocolException("expected '" + (char) type + "', got " + describe(first));
    }
    header.reset();
    int scanned = Math.min(readable, MAX_HEADER) - 1;
    int cr = scanned <= 0 ? -1 : in.forEachByte(start + 1, scanned, header);
    if (cr < 0) {
      if (readable >= MAX_HEADER) {
        throw new RespProtocolException("header line longer than " + MAX_HEADER + " bytes");
      }
      return INCOMPLETE;
    }
    if (cr + 1 >= start + readable) {
      return INCOMPLETE; // the LF has not arrived yet
    }
    long n = header.value();
    if (n == INCOMPLETE || in.getByte(cr + 1) != '\n') {
      throw new RespProtocolException("invalid " + (type == '*' ? "multibulk" : "bulk") + " length");
    }
    int eol = cr + 1;
    in.readerIndex(eol + 1);
    return n;
  }

  /**
   * Parses a header's decimal ("-1" allowed) up to its CR in one pass over the buffer, with one
   * bounds check instead of one per byte.
   */
  private static final class HeaderParser implements ByteProcessor {
    private long value;
    private int digits;
    private boolean negative;
    private boolean bad;

    void reset() {
      value = 0;
      digits = 0;
      negative = false;
      bad = false;
    }

    @Override
    public boolean process(byte b) {
      if (b == '\r') {
        return false;
      }
      if (b == '-' && digits == 0 && !negative) {
        negative = true;
      } else if (b >= '0' && b <= '9' && digits < 18) {
        value = value * 10 + (b - '0');
        digits++;
      } else {
        bad = true;
      }
      return true;
    }

    /** The parsed number, or INCOMPLETE when the line was not a decimal. */
    long value() {
      return bad || digits == 0 ? INCOMPLETE : negative ? -value : value;
    }
  }

  private static String describe(byte b) {
    return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
  }
}
