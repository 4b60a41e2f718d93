package io.dst.node.resp;

import io.dst.engine.api.KvStore;
import io.dst.node.client.KvPipeline;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis protocol (RESP2, and RESP3 through HELLO 3) port onto a Dst {@link KvStore}: str keys are
 * Redis strings and dict keys are Redis hashes, so the Redis ecosystem reads and writes the same
 * data as the command language. Bound to loopback unless told otherwise; with a password, clients
 * must AUTH first.
 */
public final class RespServer implements AutoCloseable {
  /** The version Dst reports in HELLO and INFO alongside its Redis compatibility level. */
  public static final String VERSION = "0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(RespServer.class);

  private final KvStore kv;
  private final String password;
  private final int maxBulkLength;
  private final Executor executor;
  private final EventLoopGroup sharedLoops;
  private final int ioThreads;
  private final LongSupplier clock;
  private final boolean nativeTransport;
  private final PipelinedKvCommands pipelined;
  private final ServerStatus status = new ServerStatus();
  private final CommandTable table = new CommandTable();
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private EventLoopGroup ownLoops;
  private Channel listener;

  /** A server over {@code kv} without a password. */
  public RespServer(KvStore kv) {
    this(builder(kv));
  }

  /** A server over {@code kv}; a non-null {@code password} makes clients AUTH first. */
  public RespServer(KvStore kv, String password) {
    this(builder(kv).password(password));
  }

  private RespServer(Builder b) {
    this.kv = b.kv;
    this.password = b.password;
    this.maxBulkLength = b.maxBulkLength;
    this.executor = b.executor;
    this.sharedLoops = b.loops;
    this.ioThreads = b.ioThreads;
    this.clock = b.clock;
    this.nativeTransport = b.nativeTransport;
    table.observer(b.observer);
    this.pipelined = b.pipeline == null ? null : new PipelinedKvCommands(b.pipeline, table);
    new StringCommands(kv, clock).registerInto(table);
    new ExpiryCommands(kv, clock).registerInto(table);
    new HashCommands(kv).registerInto(table);
    new KeyspaceCommands(kv).registerInto(table);
    new ConnectionCommands(password, VERSION).registerInto(table);
    new ServerCommands(kv, table, status, VERSION).registerInto(table);
  }

  public static Builder builder(KvStore kv) {
    return new Builder(kv);
  }

  /** Binds to loopback; port 0 picks a free port. Returns the bound address. */
  public InetSocketAddress start(int port) {
    return start("127.0.0.1", port);
  }

  /** Binds to {@code host}:{@code port} (port 0 picks a free one) and returns the bound address. */
  public synchronized InetSocketAddress start(String host, int port) {
    if (listener != null) {
      throw new IllegalStateException("RESP server already started on " + listener.localAddress());
    }
    EventLoopGroup loops = sharedLoops;
    // A shared group is assumed to be NIO, as the node's own loops are.
    RespTransport transport = sharedLoops == null && nativeTransport ? RespTransport.best()
        : RespTransport.nio();
    if (loops == null) {
      ownLoops = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("dst-resp", true),
          transport.ioHandler());
      loops = ownLoops;
    }
    try {
      listener = new ServerBootstrap()
          .group(loops)
          .channel(transport.serverChannel())
          .option(ChannelOption.SO_REUSEADDR, true)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              connections.add(ch);
              ch.pipeline().addLast("resp-decoder", new RespDecoder(maxBulkLength));
              ch.pipeline().addLast("resp-handler",
                  new RespConnectionHandler(table, status, executor, password != null,
                      pipelined));
            }
          })
          .bind(host, port).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    InetSocketAddress address = (InetSocketAddress) listener.localAddress();
    status.port(address.getPort());
    LOG.info("RESP server listening on {}:{} ({}, {}, {})", address.getHostString(), address.getPort(),
        transport.name(),
        password == null ? "no password" : "password required",
        executor == null ? "commands on the event loop" : "commands on a worker pool");
    return address;
  }

  /** The bound address, or null before {@link #start}. */
  public synchronized InetSocketAddress address() {
    return listener == null ? null : (InetSocketAddress) listener.localAddress();
  }

  /** The dispatch table, for tests and for COMMAND. */
  CommandTable commands() {
    return table;
  }

  /** Stops listening and closes every client connection. */
  @Override
  public synchronized void close() {
    if (listener != null) {
      listener.close().awaitUninterruptibly();
    }
    connections.close().awaitUninterruptibly();
    if (ownLoops != null) {
      ownLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
      ownLoops = null;
    }
    if (listener != null) {
      LOG.info("RESP server on {} stopped", listener.localAddress());
      listener = null;
    }
  }

  /** Options beyond the store and password. */
  public static final class Builder {
    private final KvStore kv;
    private String password;
    private int maxBulkLength = RespDecoder.DEFAULT_MAX_BULK_LENGTH;
    private Executor executor;
    private EventLoopGroup loops;
    // A command costs microseconds and the kernel's socket work costs more: one loop per two
    // cores leaves the rest to the network stack (on 2 cores, 1 loop served redis-benchmark
    // 10-20% faster than 2, which also contended for the same keys).
    private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private LongSupplier clock = System::currentTimeMillis;
    private boolean nativeTransport = true;
    private CommandObserver observer = CommandObserver.NONE;
    private KvPipeline pipeline;

    private Builder(KvStore kv) {
      this.kv = Objects.requireNonNull(kv, "kv");
    }

    /** Null (the default) means no AUTH. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** Largest bulk string accepted; longer ones close the connection (Redis's proto-max-bulk-len). */
    public Builder maxBulkLength(int bytes) {
      this.maxBulkLength = bytes;
      return this;
    }

    /**
     * Runs commands on {@code executor} instead of the event loop; needed when kv calls block, as
     * a cluster client's do while writes replicate.
     */
    public Builder blockingExecutor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /** Uses an existing event loop group (not shut down by {@link #close}). */
    public Builder eventLoops(EventLoopGroup loops) {
      this.loops = loops;
      return this;
    }

    /** Event loop threads when the server makes its own group (default: one per two cores). */
    public Builder ioThreads(int threads) {
      this.ioThreads = threads;
      return this;
    }

    /** The wall clock that turns EX/PX into absolute deadlines; tests pin it. */
    public Builder clock(LongSupplier clockMillis) {
      this.clock = clockMillis;
      return this;
    }

    /** Whether the server's own loops may use native epoll (the default) rather than NIO. */
    public Builder nativeTransport(boolean allowed) {
      this.nativeTransport = allowed;
      return this;
    }

    /** Told about every command with its latency and outcome (metrics); none by default. */
    public Builder commandObserver(CommandObserver observer) {
      this.observer = observer;
      return this;
    }

    /**
     * Runs runs of consecutive SET/HSET (and of GET) through {@code pipeline}, all in flight at
     * once, instead of one blocking kv call each; for a kv whose calls are round trips (a cluster).
     */
    public Builder pipeline(KvPipeline pipeline) {
      this.pipeline = pipeline;
      return this;
    }

    public RespServer build() {
      return new RespServer(this);
    }
  }
}
