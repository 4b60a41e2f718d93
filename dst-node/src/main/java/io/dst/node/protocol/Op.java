package io.dst.node.protocol;

/**
 * The operation byte of a frame. Each op belongs to one family, and each family has one codec in
 * {@code io.dst.node.transport}: DATA (client requests), REPLICATION (primary to replica and
 * controller to node) and RESPONSE (answers to either, matched by request id). Codes are part of the
 * wire format: never renumber them.
 */
public enum Op {
  OK(0x01, Family.RESPONSE),
  ERROR(0x02, Family.RESPONSE),
  WRITE(0x10, Family.DATA),
  READ(0x11, Family.DATA),
  HANDSHAKE(0x20, Family.REPLICATION),
  APPEND(0x21, Family.REPLICATION),
  INSTALL_SNAPSHOT(0x22, Family.REPLICATION),
  LOG_END(0x23, Family.REPLICATION);

  /** Which codec handles an op. */
  public enum Family { DATA, REPLICATION, RESPONSE }

  private static final Op[] BY_CODE = new Op[256];

  static {
    for (Op op : values()) {
      BY_CODE[op.code] = op;
    }
  }

  private final int code;
  private final Family family;

  Op(int code, Family family) {
    this.code = code;
    this.family = family;
  }

  public int code() {
    return code;
  }

  public Family family() {
    return family;
  }

  /** The op with this code, or null when the code is unknown. */
  public static Op fromCode(int code) {
    return code < 0 || code > 255 ? null : BY_CODE[code];
  }
}
