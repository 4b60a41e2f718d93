package io.dst.node.transport;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Response;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a server channel: hands each request to the {@link RequestHandler} and writes
 * its response whenever it completes (responses may overtake each other; request ids match them up).
 * Anything that is not a request, and any decoding failure, closes this connection with a logged
 * reason; other connections and the node are unaffected.
 */
final class ServerHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ServerHandler.class);

  private final RequestHandler handler;

  ServerHandler(RequestHandler handler) {
    this.handler = handler;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Message.Request request)) {
      log.warn("closing connection from {}: unexpected {} on a server connection",
          ctx.channel().remoteAddress(), msg.getClass().getSimpleName());
      ctx.close();
      return;
    }
    CompletableFuture<Response> answer;
    try {
      answer = handler.handle(request);
    } catch (RuntimeException | LinkageError e) {
      // A failure serving one request is that request's error, not a reason to drop the peer.
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete((response, error) -> {
      Response out = response != null ? response : toError(request.requestId(), error);
      ctx.writeAndFlush(out);
    });
  }

  static Response.Error toError(long requestId, Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof DstException d) {
      return new Response.Error(requestId, d.code(), d.getMessage());
    }
    log.error("request {} failed unexpectedly", requestId, e);
    return new Response.Error(requestId, ErrorCode.INTERNAL, String.valueOf(e));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable reason = cause;
    // Netty wraps decoder failures; our own CorruptedFrameException already says what was wrong.
    if (cause instanceof DecoderException && !(cause instanceof CorruptedFrameException)
        && cause.getCause() != null) {
      reason = cause.getCause();
    }
    log.warn("closing connection from {}: {}: {}", ctx.channel().remoteAddress(),
        cause instanceof DecoderException ? "bad frame" : "error", reason.toString());
    ctx.close();
  }
}
