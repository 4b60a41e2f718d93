package io.dst.node.transport;

import io.dst.node.protocol.Frame;
import io.dst.node.protocol.Op;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Cuts the byte stream into {@link Frame}s. The length and op are checked as soon as their bytes
 * arrive, so garbage is refused without waiting for a huge bogus frame to fill up. After a bad frame
 * the decoder drops everything else on the connection; the connection's last handler logs the
 * reason and closes it.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
  /** Largest frame accepted, snapshots included. */
  public static final int DEFAULT_MAX_FRAME = 256 * 1024 * 1024;

  private final int maxFrame;
  private boolean broken;

  public FrameDecoder() {
    this(DEFAULT_MAX_FRAME);
  }

  public FrameDecoder(int maxFrame) {
    this.maxFrame = maxFrame;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (broken) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < 4) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    if (length < Frame.HEADER_AFTER_LENGTH || length > maxFrame) {
      throw fail(in, "frame length " + length + " is outside [" + Frame.HEADER_AFTER_LENGTH + ", "
          + maxFrame + "]");
    }
    if (in.readableBytes() < 5) {
      return;
    }
    int code = in.getUnsignedByte(in.readerIndex() + 4);
    Op op = Op.fromCode(code);
    if (op == null) {
      throw fail(in, String.format("unknown op 0x%02x", code));
    }
    if (in.readableBytes() < 4 + length) {
      return;
    }
    in.skipBytes(5);
    long requestId = in.readLong();
    ByteBuf payload = in.readRetainedSlice(length - Frame.HEADER_AFTER_LENGTH);
    out.add(new Frame(op, requestId, payload));
  }

  private CorruptedFrameException fail(ByteBuf in, String reason) {
    broken = true;
    in.skipBytes(in.readableBytes());
    return new CorruptedFrameException(reason);
  }
}
