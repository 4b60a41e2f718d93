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
 * and is answered with one write, which is what makes pipelining cheap. A batch runs on the event
 * loop, except for two kinds of stretch: a run of pipelinable kv commands (with a {@link
 * PipelinedKvCommands}) is sent without blocking and the batch resumes when its answers arrive,
 * and other commands go to the executor when there is one, because a cluster's kv calls block on
 * replication. One batch at a time: what arrives meanwhile waits for the next.
 */
final class RespConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RespConnectionHandler.class);
  /** Commands queued behind a running batch before the connection stops reading. */
  static final int MAX_QUEUED = 4096;

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
    if (running && batch.size() >= MAX_QUEUED) {
      ctx.channel().config().setAutoRead(false); // a client pipelining faster than we answer
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (batch.isEmpty() || running) {
      return;
    }
    List<RespCommand> work = batch;
    batch = new ArrayList<>();
    running = true;
    resume(ctx, new Batch(work, ctx.alloc().ioBuffer()));
  }

  /** A batch in progress: its commands, the next to run, and the replies so far. */
  private static final class Batch {
    final List<RespCommand> commands;
    final ByteBuf replies;
    int next;

    Batch(List<RespCommand> commands, ByteBuf replies) {
      this.commands = commands;
      this.replies = replies;
    }
  }

  /**
   * Runs {@code b} from its next command on the event loop until it finishes or hands a stretch
   * off (to the cluster or the executor); the hand-off calls back here when done.
   */
  private void resume(ChannelHandlerContext ctx, Batch b) {
    try {
      List<RespCommand> work = b.commands;
      while (b.next < work.size() && !session.quitting()) {
        int i = b.next;
        RespCommand command = work.get(i);
        boolean authenticated = session.authenticated();
        PipelinedKvCommands.Kind kind = pipelined == null || !authenticated
            ? PipelinedKvCommands.Kind.OTHER : pipelined.kind(command);
        if (kind != PipelinedKvCommands.Kind.OTHER) {
          int end = runEnd(work, i, kind);
          startRun(ctx, b, work.subList(i, end), kind, end);
          return;
        }
        if (executor != null) {
          offload(ctx, b, runOfOthers(work, i, authenticated));
          return;
        }
        dispatch(b, command);
        b.next = i + 1;
      }
      finish(ctx, b);
    } catch (RuntimeException e) {
      LOG.warn("closing RESP connection {}: {}", session.remoteAddress(), e.toString(), e);
      b.replies.release();
      ctx.close();
    }
  }

  private void dispatch(Batch b, RespCommand command) {
    table.dispatch(command, session, new RespWriter(b.replies, session.protocol()));
  }

  /** Sends a run of pipelinable commands; the batch resumes on the event loop with their answers. */
  private void startRun(ChannelHandlerContext ctx, Batch b, List<RespCommand> run,
      PipelinedKvCommands.Kind kind, int end) {
    long start = System.nanoTime();
    pipelined.start(run, kind).whenComplete((results, failure) -> ctx.executor().execute(() -> {
      pipelined.reply(run, kind, results, failure, new RespWriter(b.replies, session.protocol()),
          start);
      b.next = end;
      resume(ctx, b);
    }));
  }

  /** Runs commands {@code b.next} to {@code end} on the executor, then resumes the batch. */
  private void offload(ChannelHandlerContext ctx, Batch b, int end) {
    try {
      executor.execute(() -> {
        for (int i = b.next; i < end && !session.quitting(); i++) {
          dispatch(b, b.commands.get(i));
        }
        b.next = end;
        ctx.executor().execute(() -> resume(ctx, b));
      });
    } catch (RejectedExecutionException e) {
      LOG.warn("closing RESP connection {}: server is shutting down", session.remoteAddress());
      b.replies.release();
      ctx.close();
    }
  }

  /** Answers the batch with one write, then starts on what arrived meanwhile, or reads on. */
  private void finish(ChannelHandlerContext ctx, Batch b) {
    status.commandsProcessed(b.commands.size());
    ctx.writeAndFlush(b.replies).addListener(afterWrite());
    running = false;
    if (session.quitting() || !ctx.channel().isActive()) {
      return;
    }
    if (!batch.isEmpty()) {
      channelReadComplete(ctx);
    } else if (!ctx.channel().config().isAutoRead() && ctx.channel().isWritable()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  /** The end of the run of pipelinable commands of {@code kind} starting at {@code from}. */
  private int runEnd(List<RespCommand> work, int from, PipelinedKvCommands.Kind kind) {
    int end = from + 1;
    while (end < work.size() && pipelined.kind(work.get(end)) == kind) {
      end++;
    }
    return end;
  }

  /**
   * The end of the stretch of commands from {@code from} that go to the executor: up to the next
   * pipelinable one, or just one command while the client has not authenticated (AUTH changes
   * what follows).
   */
  private int runOfOthers(List<RespCommand> work, int from, boolean authenticated) {
    if (pipelined == null) {
      return work.size();
    }
    if (!authenticated) {
      return from + 1;
    }
    int end = from + 1;
    while (end < work.size() && pipelined.kind(work.get(end)) == PipelinedKvCommands.Kind.OTHER) {
      end++;
    }
    return end;
  }

  private ChannelFutureListener afterWrite() {
    return session.quitting() ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE;
  }

  /** Stops reading while the client does not take its replies, so replies cannot pile up. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    boolean writable = ctx.channel().isWritable();
    if (!writable || batch.size() < MAX_QUEUED) {
      ctx.channel().config().setAutoRead(writable);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    String who = session == null ? String.valueOf(ctx.channel().remoteAddress()) : session.remoteAddress();
    if (cause instanceof RespProtocolException) {
      LOG.warn("closing RESP connection {}: protocol error: {}", who, cause.getMessage());
      ByteBuf buf = ctx.alloc().ioBuffer();
      if (executor == null && pipelined == null && !running && !batch.isEmpty()) {
        // Requests that arrived whole before the bad bytes are answered, as Redis does.
        for (RespCommand command : batch) {
          if (session.quitting()) {
            break;
          }
          table.dispatch(command, session, new RespWriter(buf, session.protocol()));
        }
        batch = new ArrayList<>();
      }
      new RespWriter(buf, 2).error("ERR Protocol error: " + cause.getMessage());
      ctx.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
    } else {
      LOG.warn("closing RESP connection {}: {}", who, cause.toString());
      ctx.close();
    }
  }
}
