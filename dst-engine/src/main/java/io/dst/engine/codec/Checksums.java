package io.dst.engine.codec;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.zip.CRC32C;

/**
 * The checksum framing of log entries and snapshots: a body followed by the 4-byte big-endian
 * CRC32C of the body. A frame whose checksum does not match is refused with CORRUPT_DATA.
 */
public final class Checksums {
  private Checksums() {}

  public static int crc32c(byte[] b, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(b, off, len);
    return (int) crc.getValue();
  }

  /** Appends the CRC32C of everything written so far and returns the framed bytes. */
  public static byte[] seal(BinaryOut out) {
    int crc = crc32c(out.buffer(), 0, out.size());
    out.writeInt(crc);
    return out.toByteArray();
  }

  /**
   * Checks the trailing CRC32C of a frame and returns a reader over its body.
   *
   * @param what names the frame in the error, e.g. "log entry" or "snapshot of task_table/3"
   */
  public static BinaryIn open(byte[] frame, String what) {
    if (frame == null || frame.length < 5) {
      throw new DstException(ErrorCode.CORRUPT_DATA, what + " is corrupt: only "
          + (frame == null ? 0 : frame.length) + " bytes, too short to hold a body and its checksum");
    }
    int bodyLen = frame.length - 4;
    int expected = ((frame[bodyLen] & 0xFF) << 24) | ((frame[bodyLen + 1] & 0xFF) << 16)
        | ((frame[bodyLen + 2] & 0xFF) << 8) | (frame[bodyLen + 3] & 0xFF);
    int actual = crc32c(frame, 0, bodyLen);
    if (expected != actual) {
      throw new DstException(ErrorCode.CORRUPT_DATA, String.format(
          "%s is corrupt: CRC32C mismatch (stored %08x, computed %08x over %d bytes)", what, expected,
          actual, bodyLen));
    }
    return new BinaryIn(frame, 0, bodyLen, what);
  }
}
