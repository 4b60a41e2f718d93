package io.dst.node.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C over an entry's offset, epoch and payload, as stored in its segment header. */
final class Crc {
  private Crc() {}

  static int of(long offset, long epoch, byte[] payload) {
    CRC32C crc = new CRC32C();
    ByteBuffer head = ByteBuffer.allocate(16).putLong(offset).putLong(epoch).flip();
    crc.update(head);
    crc.update(payload, 0, payload.length);
    return (int) crc.getValue();
  }
}
