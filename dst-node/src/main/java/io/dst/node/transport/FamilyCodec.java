package io.dst.node.transport;

import io.dst.node.protocol.Frame;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Op;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * Base of the per-family codecs: claims the inbound frames of one {@link Op.Family} and the outbound
 * messages of one Java type, and leaves everything else to the next codec in the pipeline. A payload
 * that does not parse (buffer underflow, unknown tag, trailing bytes) is a bad frame.
 */
abstract class FamilyCodec<M extends Message> extends MessageToMessageCodec<Frame, M> {
  private final Op.Family family;
  private final Class<M> type;

  FamilyCodec(Op.Family family, Class<M> type) {
    super(Frame.class, type);
    this.family = family;
    this.type = type;
  }

  @Override
  public boolean acceptInboundMessage(Object msg) {
    return msg instanceof Frame f && f.op().family() == family;
  }

  @Override
  public boolean acceptOutboundMessage(Object msg) {
    return type.isInstance(msg);
  }

  @Override
  protected final void encode(ChannelHandlerContext ctx, M msg, List<Object> out) {
    out.add(encode(ctx, msg));
  }

  @Override
  protected final void decode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
    try {
      out.add(decode(frame));
      Frames.requireConsumed(frame);
    } catch (IndexOutOfBoundsException e) {
      throw new CorruptedFrameException(frame.op() + " frame payload ends early", e);
    } catch (RuntimeException e) {
      if (e instanceof CorruptedFrameException) {
        throw e;
      }
      throw new CorruptedFrameException(frame.op() + " frame: " + e.getMessage(), e);
    } finally {
      frame.payload().release();
    }
  }

  abstract ByteBuf encode(ChannelHandlerContext ctx, M msg);

  abstract M decode(Frame frame);
}
