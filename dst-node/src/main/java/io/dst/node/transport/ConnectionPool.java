package io.dst.node.transport;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared {@link Connection} per node address, opened on first use and replaced when it closes.
 * Requests are pipelined over it, so one connection per peer is enough.
 */
public final class ConnectionPool implements AutoCloseable {
  private final EventLoopGroup group;
  private final Duration connectTimeout;
  private final Map<String, CompletableFuture<Connection>> connections = new ConcurrentHashMap<>();

  public ConnectionPool(EventLoopGroup group, Duration connectTimeout) {
    this.group = group;
    this.connectTimeout = connectTimeout;
  }

  public CompletableFuture<Connection> get(String host, int port) {
    String key = host + ":" + port;
    CompletableFuture<Connection> f = connections.get(key);
    if (f != null && (!f.isDone() || isUsable(f))) {
      return f;
    }
    CompletableFuture<Connection> fresh = Connection.open(group, host, port, connectTimeout);
    if (f == null ? connections.putIfAbsent(key, fresh) != null : !connections.replace(key, f, fresh)) {
      fresh.thenAccept(Connection::close);
      return connections.get(key);
    }
    return fresh;
  }

  private static boolean isUsable(CompletableFuture<Connection> f) {
    return !f.isCompletedExceptionally() && f.join().isActive();
  }

  @Override
  public void close() {
    connections.values().forEach(f -> f.thenAccept(Connection::close));
    connections.clear();
  }
}
