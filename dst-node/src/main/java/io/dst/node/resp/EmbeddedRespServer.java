package io.dst.node.resp;

import io.dst.engine.ActiveExpiry;
import io.dst.engine.EmbeddedStore;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;

/**
 * A Redis port onto an unreplicated {@link EmbeddedStore}: a {@link RespServer} over its kv, on the
 * store's clock, plus the store's {@link ActiveExpiry} so due keys nobody reads are reclaimed as
 * Redis's active expiry does. Cluster nodes do not use it: there primaries expire keys through
 * their log ({@code io.dst.node.replication.KvExpiry}).
 */
public final class EmbeddedRespServer implements AutoCloseable {
  private final RespServer server;
  private final ActiveExpiry expiry;
  private final InetSocketAddress address;

  private EmbeddedRespServer(RespServer server, ActiveExpiry expiry, InetSocketAddress address) {
    this.server = server;
    this.expiry = expiry;
    this.address = address;
  }

  /**
   * Binds {@code host}:{@code port} (0 picks a free port) over {@code store}; {@code options} may
   * change the server's settings (password, threads, ...). On failure nothing is left running.
   */
  public static EmbeddedRespServer start(EmbeddedStore store,
      UnaryOperator<RespServer.Builder> options, String host, int port) {
    RespServer server =
        options.apply(RespServer.builder(store.kv()).clock(store::nowMillis)).build();
    ActiveExpiry expiry = ActiveExpiry.start(store);
    try {
      return new EmbeddedRespServer(server, expiry, server.start(host, port));
    } catch (RuntimeException e) {
      expiry.close();
      server.close();
      throw e;
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  /** The RESP server itself. */
  public RespServer server() {
    return server;
  }

  /** Stops the expiry timer, then the port. */
  @Override
  public void close() {
    expiry.close();
    server.close();
  }
}
