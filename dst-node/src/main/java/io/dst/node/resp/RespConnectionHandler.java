package io.dst.node.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one RESP connection. The commands decoded from one read form a batch that runs in order
 * and is answered with one write, which is what makes pipelining cheap. With no executor the batch
 * runs on the event loop (right for an in-memory store); with one it runs there, one batch at a
 * time with reading paused, because a cluster's kv calls block on replication.
 */
final class RespConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RespConnectionHandler.class);

  private final CommandTable table;
  private final ServerStatus status;
  private final Executor executor; // null: run on the event loop
  private final boolean authRequired;
  private final PipelinedKvCommands pipelined; // null: every command on its own
  private ClientSession session;
  private List<RespCommand> batch = new ArrayList<>();
  private boolean running;

  RespConnectionHandler(CommandTable table, ServerStatus status, Executor executor,
      boolean authRequired, PipelinedKvCommands pipelined) {
    this.table = table;
    this.pipelined = pipelined;
    this.status = status;
    this.executor = executor;
    this.authRequired = authRequired;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    session = new ClientSession(status.newClientId(), String.valueOf(ctx.channel().remoteAddress()),
        !authRequired);
    status.connected();
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    status.disconnected();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    batch.add((RespCommand) msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (batch.isEmpty() || running) {
      return;
    }
    List<RespCommand> work = batch;
    batch = new ArrayList<>();
    if (executor == null) {
      ctx.writeAndFlush(run(ctx, work)).addListener(afterWrite(ctx));
      return;
    }
    running = true;
    ctx.channel().config().setAutoRead(false);
    try {
      executor.execute(() -> {
        ByteBuf replies = run(ctx, work);
        ctx.writeAndFlush(replies).addListener(afterWrite(ctx));
        ctx.executor().execute(() -> batchDone(ctx));
      });
    } catch (RejectedExecutionException e) {
      LOG.warn("closing RESP connection {}: server is shutting down", session.remoteAddress());
      ctx.close();
    }
  }

  /** Back on the event loop after an offloaded batch: run what arrived meanwhile, or read on. */
  private void batchDone(ChannelHandlerContext ctx) {
    running = false;
    if (session.quitting() || !ctx.channel().isActive()) {
      return;
    }
    if (!batch.isEmpty()) {
      channelReadComplete(ctx);
    } else {
      ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    }
  }

  private ByteBuf run(ChannelHandlerContext ctx, List<RespCommand> work) {
    ByteBuf buf = ctx.alloc().ioBuffer();
    RespWriter writer = new RespWriter(buf, session.protocol());
    for (int i = 0; i < work.size(); i++) {
      if (session.quitting()) {
        break; // nothing after QUIT is answered
      }
      RespCommand command = work.get(i);
      int end = pipelined == null || !session.authenticated() ? i + 1 : runEnd(work, i);
      if (end > i + 1) {
        pipelined.run(work.subList(i, end), pipelined.kind(command), writer);
        i = end - 1;
        continue;
      }
      table.dispatch(command, session, writer);
      if (writer.protocol() != session.protocol()) {
        writer = new RespWriter(buf, session.protocol()); // HELLO switched protocols
      }
    }
    status.commandsProcessed(work.size());
    return buf;
  }

  /** The end of the run of pipelinable commands of one kind starting at {@code from}. */
  private int runEnd(List<RespCommand> work, int from) {
    PipelinedKvCommands.Kind kind = pipelined.kind(work.get(from));
    if (kind == PipelinedKvCommands.Kind.OTHER) {
      return from + 1;
    }
    int end = from + 1;
    while (end < work.size() && pipelined.kind(work.get(end)) == kind) {
      end++;
    }
    return end;
  }

  private ChannelFutureListener afterWrite(ChannelHandlerContext ctx) {
    return session.quitting() ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE;
  }

  /** Stops reading while the client does not take its replies, so replies cannot pile up. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!running) {
      ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    String who = session == null ? String.valueOf(ctx.channel().remoteAddress()) : session.remoteAddress();
    if (cause instanceof RespProtocolException) {
      LOG.warn("closing RESP connection {}: protocol error: {}", who, cause.getMessage());
      ByteBuf buf;
      if (executor == null && !running && !batch.isEmpty()) {
        // Requests that arrived whole before the bad bytes are answered, as Redis does.
        buf = run(ctx, batch);
        batch = new ArrayList<>();
      } else {
        buf = ctx.alloc().ioBuffer();
      }
      new RespWriter(buf, 2).error("ERR Protocol error: " + cause.getMessage());
      ctx.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
    } else {
      LOG.warn("closing RESP connection {}: {}", who, cause.toString());
      ctx.close();
    }
  }
}
