package io.dst.engine.dump;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a dump file: an 8-byte magic, then blocks, each {@code [type:1][length:4][body][crc:4]}
 * with the CRC32C over type, length and body. The first block is the header, the last the trailer,
 * which carries the counts and the CRC32C of every byte before it. Integers are big-endian.
 */
final class DumpFormat {
  static final byte[] MAGIC = "DSTDUMP\n".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;

  static final int HEADER = 'H';
  static final int TABLE = 'T';
  static final int ROWS = 'R';
  static final int TABLE_END = 'E';
  static final int KV = 'K';
  static final int TRAILER = 'Z';

  /** Type byte, length int. */
  static final int BLOCK_HEAD = 5;
  /** The CRC32C after each body. */
  static final int BLOCK_TAIL = 4;
  /** A writer closes a block once its body passes this size. */
  static final int TARGET_BLOCK_BYTES = 1 << 20;
  /** A reader refuses a longer body as corrupt rather than allocating it. */
  static final int MAX_BLOCK_BYTES = 256 << 20;

  static final int KV_STR = 1;
  static final int KV_DICT = 2;
  /** A str or dict entry followed by the key's absolute epoch-ms deadline (keys that expire). */
  static final int KV_STR_EXPIRING = 3;
  static final int KV_DICT_EXPIRING = 4;

  private DumpFormat() {}

  /** How errors and summaries name a block type. */
  static String typeName(int type) {
    return switch (type) {
      case HEADER -> "header";
      case TABLE -> "table definition";
      case ROWS -> "rows";
      case TABLE_END -> "end of table";
      case KV -> "kv data";
      case TRAILER -> "trailer";
      default -> String.format("unknown block type 0x%02x", type);
    };
  }
}
