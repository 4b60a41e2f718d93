package io.dst.node.transport;

import io.dst.node.protocol.Frame;
import io.dst.node.protocol.Op;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.CorruptedFrameException;

/** Helpers the family codecs share to write a frame header and to check a payload was fully read. */
final class Frames {
  private Frames() {}

  /** Starts a frame; the length is patched in by {@link #finish}. */
  static ByteBuf start(ByteBufAllocator alloc, Op op, long requestId) {
    ByteBuf buf = alloc.buffer(64);
    buf.writeInt(0).writeByte(op.code()).writeLong(requestId);
    return buf;
  }

  static ByteBuf finish(ByteBuf buf) {
    buf.setInt(0, buf.writerIndex() - 4);
    return buf;
  }

  static void requireConsumed(Frame frame) {
    if (frame.payload().isReadable()) {
      throw new CorruptedFrameException(frame.op() + " frame has " + frame.payload().readableBytes()
          + " bytes after its last field");
    }
  }
}
