package io.dst.node;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.NodeInfo;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Response;
import io.dst.node.replication.Peers;
import io.dst.node.transport.ConnectionPool;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Reaches other nodes by id through a connection pool: at a configured override address for that
 * peer if there is one (a test's per-link proxy), else at its address in the cluster view.
 */
final class ClusterPeers implements Peers {
  private final ClusterView view;
  private final ConnectionPool pool;
  private final Duration timeout;
  private final Map<Integer, String> overrides;

  ClusterPeers(ClusterView view, ConnectionPool pool, Duration timeout) {
    this(view, pool, timeout, Map.of());
  }

  ClusterPeers(ClusterView view, ConnectionPool pool, Duration timeout,
      Map<Integer, String> overrides) {
    this.view = view;
    this.pool = pool;
    this.timeout = timeout;
    this.overrides = Map.copyOf(overrides);
  }

  @Override
  public CompletableFuture<Response> send(int nodeId, LongFunction<? extends Message.Request> request) {
    String override = overrides.get(nodeId);
    if (override != null) {
      int colon = override.lastIndexOf(':');
      return pool.get(override.substring(0, colon), Integer.parseInt(override.substring(colon + 1)))
          .thenCompose(c -> c.send(request, timeout));
    }
    Optional<NodeInfo> node = view.node(nodeId);
    if (node.isEmpty()) {
      return CompletableFuture.failedFuture(
          new DstException(ErrorCode.UNAVAILABLE, "node " + nodeId + " is not registered"));
    }
    return pool.get(node.get().host(), node.get().port())
        .thenCompose(c -> c.send(request, timeout));
  }
}
