package io.dst.node.transport;

import io.dst.engine.ErrorCode;
import io.dst.node.protocol.Frame;
import io.dst.node.protocol.Op;
import io.dst.node.protocol.Response;
import io.dst.node.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * Codec of the RESPONSE family. OK carries its body as the rest of the frame; ERROR carries the
 * error code's name and a message. A code name this version does not know decodes as INTERNAL.
 */
public final class ResponseCodec extends FamilyCodec<Response> {
  public ResponseCodec() {
    super(Op.Family.RESPONSE, Response.class);
  }

  @Override
  ByteBuf encode(ChannelHandlerContext ctx, Response msg) {
    if (msg instanceof Response.Ok ok) {
      ByteBuf buf = Frames.start(ctx.alloc(), Op.OK, ok.requestId());
      buf.writeBytes(ok.body());
      return Frames.finish(buf);
    }
    Response.Error err = (Response.Error) msg;
    ByteBuf buf = Frames.start(ctx.alloc(), Op.ERROR, err.requestId());
    Wire.writeString(buf, err.code().name());
    Wire.writeString(buf, err.message());
    return Frames.finish(buf);
  }

  @Override
  Response decode(Frame frame) {
    ByteBuf in = frame.payload();
    if (frame.op() == Op.OK) {
      byte[] body = new byte[in.readableBytes()];
      in.readBytes(body);
      return new Response.Ok(frame.requestId(), body);
    }
    String name = Wire.readString(in);
    ErrorCode code;
    try {
      code = ErrorCode.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      code = ErrorCode.INTERNAL;
    }
    return new Response.Error(frame.requestId(), code, Wire.readString(in));
  }
}
