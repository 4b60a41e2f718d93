package io.dst.node.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared {@link Connection}s to node addresses, opened on first use and replaced when they close.
 * Requests are pipelined over a connection, so one per peer would do; but a caller running on one
 * of the pool's own event loops gets a connection registered on that very loop, so its request is
 * written, and its answer completes, on the caller's thread with no hand-off between threads (two
 * wake-ups fewer per request). Other callers share one connection per address.
 */
public final class ConnectionPool implements AutoCloseable {
  private final EventLoopGroup group;
  private final List<EventLoop> loops = new ArrayList<>();
  private final Duration connectTimeout;
  private final Map<String, CompletableFuture<Connection>> connections = new ConcurrentHashMap<>();

  public ConnectionPool(EventLoopGroup group, Duration connectTimeout) {
    this.group = group;
    this.connectTimeout = connectTimeout;
    for (EventExecutor e : group) {
      if (e instanceof EventLoop loop) {
        loops.add(loop);
      }
    }
  }

  public CompletableFuture<Connection> get(String host, int port) {
    int affinity = callerLoop();
    String key = affinity < 0 ? host + ":" + port : host + ":" + port + "@" + affinity;
    CompletableFuture<Connection> f = connections.get(key);
    if (f != null && (!f.isDone() || isUsable(f))) {
      return f;
    }
    EventLoopGroup on = affinity < 0 ? group : loops.get(affinity);
    CompletableFuture<Connection> fresh = Connection.open(on, host, port, connectTimeout);
    if (f == null ? connections.putIfAbsent(key, fresh) != null : !connections.replace(key, f, fresh)) {
      fresh.thenAccept(Connection::close);
      return connections.get(key);
    }
    return fresh;
  }

  /** The index of the pool's event loop the calling thread runs, or -1. */
  private int callerLoop() {
    for (int i = 0; i < loops.size(); i++) {
      if (loops.get(i).inEventLoop()) {
        return i;
      }
    }
    return -1;
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
