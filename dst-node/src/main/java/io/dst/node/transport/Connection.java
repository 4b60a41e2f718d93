package io.dst.node.transport;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Response;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to a node, shared by any number of threads: each request gets a fresh id,
 * is written at once (pipelining), and its future completes when the response with that id comes
 * back, times out, or the connection drops (UNAVAILABLE).
 */
public final class Connection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  private final Channel channel;
  private final String target;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();

  private Connection(Channel channel, String target) {
    this.channel = channel;
    this.target = target;
  }

  public static CompletableFuture<Connection> open(EventLoopGroup group, String host, int port,
      Duration connectTimeout) {
    String target = host + ":" + port;
    CompletableFuture<Connection> result = new CompletableFuture<>();
    ResponseHandler handler = new ResponseHandler();
    ChannelFuture connect = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Pipelines.installCodecs(ch.pipeline());
            ch.pipeline().addLast("responses-in", handler);
          }
        })
        .connect(host, port);
    connect.addListener(f -> {
      if (f.isSuccess()) {
        Connection c = new Connection(connect.channel(), target);
        handler.connection = c;
        connect.channel().closeFuture().addListener(x -> c.failAll());
        result.complete(c);
      } else {
        result.completeExceptionally(new RequestNotSentException(
            "cannot connect to node " + target + ": " + f.cause().getMessage(), f.cause()));
      }
    });
    return result;
  }

  /** Sends the request built for a fresh id; the future fails with TIMEOUT after {@code timeout}. */
  public CompletableFuture<Response> send(LongFunction<? extends Message.Request> build,
      Duration timeout) {
    long id = ids.incrementAndGet();
    CompletableFuture<Response> f = new CompletableFuture<>();
    pending.put(id, f);
    f.whenComplete((r, e) -> pending.remove(id));
    if (!channel.isActive()) {
      f.completeExceptionally(new RequestNotSentException(
          "connection to node " + target + " is closed", null));
      return f;
    }
    channel.writeAndFlush(build.apply(id)).addListener(w -> {
      if (!w.isSuccess()) {
        f.completeExceptionally(new DstException(ErrorCode.UNAVAILABLE,
            "cannot send to node " + target + ": " + w.cause().getMessage(), w.cause()));
      }
    });
    var timer = channel.eventLoop().schedule(() -> {
      if (!f.isDone()) {
        f.completeExceptionally(new DstException(ErrorCode.TIMEOUT,
            "node " + target + " did not answer within " + timeout.toMillis() + " ms",
            new TimeoutException()));
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    // Without this, every answered request would leave its timer queued for the full timeout.
    f.whenComplete((r, e) -> timer.cancel(false));
    return f;
  }

  public boolean isActive() {
    return channel.isActive();
  }

  public String target() {
    return target;
  }

  private DstException unavailable() {
    return new DstException(ErrorCode.UNAVAILABLE, "connection to node " + target + " is closed");
  }

  private void failAll() {
    DstException e = unavailable();
    pending.values().forEach(f -> f.completeExceptionally(e));
  }

  @Override
  public void close() {
    channel.close();
  }

  /** Completes pending futures from responses; a bad frame or stray request closes the channel. */
  private static final class ResponseHandler extends ChannelInboundHandlerAdapter {
    volatile Connection connection;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Response r && connection != null) {
        CompletableFuture<Response> f = connection.pending.get(r.requestId());
        if (f != null) {
          f.complete(r);
        }
        return;
      }
      log.warn("closing connection to {}: unexpected {}", ctx.channel().remoteAddress(),
          msg.getClass().getSimpleName());
      ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.warn("closing connection to {}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }
}
