package io.dst.engine.dump;

import io.dst.engine.codec.BinaryOut;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * Frames blocks onto a stream: type, length, body, CRC32C of the three. It keeps the running CRC32C
 * of the whole file so far, which the trailer records.
 */
final class BlockOutput {
  private final OutputStream out;
  private final CRC32C fileCrc = new CRC32C();
  private final byte[] head = new byte[DumpFormat.BLOCK_HEAD];
  private final byte[] tail = new byte[DumpFormat.BLOCK_TAIL];
  private long bytes;
  private int blocks;

  BlockOutput(OutputStream out) throws IOException {
    this.out = out;
    raw(DumpFormat.MAGIC, 0, DumpFormat.MAGIC.length);
  }

  void write(int type, BinaryOut body) throws IOException {
    int len = body.size();
    head[0] = (byte) type;
    putInt(head, 1, len);
    CRC32C crc = new CRC32C();
    crc.update(head, 0, head.length);
    crc.update(body.buffer(), 0, len);
    putInt(tail, 0, (int) crc.getValue());
    raw(head, 0, head.length);
    raw(body.buffer(), 0, len);
    raw(tail, 0, tail.length);
    blocks++;
  }

  /** CRC32C of every byte written so far. */
  int fileCrc() {
    return (int) fileCrc.getValue();
  }

  int blocks() {
    return blocks;
  }

  long bytes() {
    return bytes;
  }

  private void raw(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    fileCrc.update(b, off, len);
    bytes += len;
  }

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
