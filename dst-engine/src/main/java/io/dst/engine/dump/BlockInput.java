package io.dst.engine.dump;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads the blocks {@link BlockOutput} framed, verifying each one's CRC32C and keeping the running
 * CRC32C of the file. Every failure is a {@link ErrorCode#CORRUPT_DATA} naming the dump, the block
 * number and kind, and the byte offset where the block starts.
 */
final class BlockInput {
  private final InputStream in;
  private final String name;
  private final CRC32C fileCrc = new CRC32C();
  private final byte[] head = new byte[DumpFormat.BLOCK_HEAD];
  private final byte[] tail = new byte[DumpFormat.BLOCK_TAIL];
  private long offset;
  private int blocks;
  private byte[] body = new byte[64 * 1024];
  private int bodyLength;
  private int type;
  private long blockStart;
  private int crcBeforeBlock;

  BlockInput(InputStream in, String name) throws IOException {
    this.in = in;
    this.name = name;
    byte[] magic = new byte[DumpFormat.MAGIC.length];
    int got = in.readNBytes(magic, 0, magic.length);
    if (got < magic.length || !Arrays.equals(magic, DumpFormat.MAGIC)) {
      throw new DstException(ErrorCode.CORRUPT_DATA, "dump " + name + " is not a Dst dump (it does not "
          + "start with the DSTDUMP marker" + (got < magic.length ? "; the file has only " + got + " bytes" : "") + ")");
    }
    fileCrc.update(magic);
    offset = magic.length;
  }

  /**
   * Reads and verifies the next block; false at a clean end of file. {@code context} names what the
   * reader expects (for example "rows of table t"), for errors about a block whose type is damaged.
   */
  boolean next(String context) throws IOException {
    blockStart = offset;
    crcBeforeBlock = (int) fileCrc.getValue();
    int got = in.readNBytes(head, 0, head.length);
    if (got == 0) {
      return false;
    }
    int number = blocks + 1;
    if (got < head.length) {
      throw truncated(number, context, "its " + head.length + "-byte block header has only " + got);
    }
    type = head[0] & 0xFF;
    bodyLength = ((head[1] & 0xFF) << 24) | ((head[2] & 0xFF) << 16) | ((head[3] & 0xFF) << 8) | (head[4] & 0xFF);
    String what = describe(number, context);
    if (bodyLength < 0 || bodyLength > DumpFormat.MAX_BLOCK_BYTES) {
      throw new DstException(ErrorCode.CORRUPT_DATA, "dump " + name + " is corrupt: " + what + " at byte "
          + blockStart + " claims an impossible length of " + bodyLength + " bytes");
    }
    if (body.length < bodyLength) {
      body = new byte[Math.max(bodyLength, body.length * 2)];
    }
    int bodyGot = in.readNBytes(body, 0, bodyLength);
    if (bodyGot < bodyLength) {
      throw truncated(number, context, "its body has " + bodyGot + " of " + bodyLength + " bytes");
    }
    int tailGot = in.readNBytes(tail, 0, tail.length);
    if (tailGot < tail.length) {
      throw truncated(number, context, "its checksum has " + tailGot + " of 4 bytes");
    }
    CRC32C crc = new CRC32C();
    crc.update(head, 0, head.length);
    crc.update(body, 0, bodyLength);
    int expected = ((tail[0] & 0xFF) << 24) | ((tail[1] & 0xFF) << 16) | ((tail[2] & 0xFF) << 8) | (tail[3] & 0xFF);
    if ((int) crc.getValue() != expected) {
      throw new DstException(ErrorCode.CORRUPT_DATA, String.format(
          "dump %s is corrupt: %s at byte %d fails its CRC32C check (stored %08x, computed %08x)", name,
          what, blockStart, expected, (int) crc.getValue()));
    }
    fileCrc.update(head, 0, head.length);
    fileCrc.update(body, 0, bodyLength);
    fileCrc.update(tail, 0, tail.length);
    offset += head.length + bodyLength + tail.length;
    blocks = number;
    return true;
  }

  private String describe(int number, String context) {
    String kind = DumpFormat.typeName(type);
    if (context.startsWith(kind)) {
      return "block #" + number + " (" + context + ")";
    }
    return "block #" + number + " (" + kind + (context.isEmpty() ? "" : "; expected " + context) + ")";
  }

  private DstException truncated(int number, String context, String detail) {
    return new DstException(ErrorCode.CORRUPT_DATA, "dump " + name + " is truncated: block #" + number
        + " (" + (context.isEmpty() ? "unknown" : context) + ") at byte " + blockStart + " is cut short ("
        + detail + ")");
  }

  DstException corrupt(String context, String problem) {
    return new DstException(ErrorCode.CORRUPT_DATA, "dump " + name + " is corrupt: block #" + blocks + " ("
        + context + ") at byte " + blockStart + ": " + problem);
  }

  int type() {
    return type;
  }

  byte[] body() {
    return body;
  }

  int bodyLength() {
    return bodyLength;
  }

  int blocks() {
    return blocks;
  }

  long offset() {
    return offset;
  }

  long blockStart() {
    return blockStart;
  }

  /** CRC32C of the file up to the start of the current block. */
  int crcBeforeBlock() {
    return crcBeforeBlock;
  }

  /** True when nothing follows the current block. */
  boolean atEof() throws IOException {
    return in.read() < 0;
  }

  String name() {
    return name;
  }
}
