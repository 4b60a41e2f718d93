package io.dst.node.protocol;

import io.netty.buffer.ByteBuf;

/**
 * One decoded frame before its family codec reads the payload. On the wire a frame is
 * {@code int length | byte op | long requestId | payload}, where length counts every byte after the
 * length field. The payload buffer is owned by whoever holds the frame and must be released.
 */
public record Frame(Op op, long requestId, ByteBuf payload) {
  /** Bytes of the header after the length field: op (1) and request id (8). */
  public static final int HEADER_AFTER_LENGTH = 9;
}
