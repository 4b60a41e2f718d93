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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/** Reaches other nodes by id through their addresses in the cluster view and a connection pool. */
final class ClusterPeers implements Peers {
  private final ClusterView view;
  private final ConnectionPool pool;
  private final Duration timeout;

  ClusterPeers(ClusterView view, ConnectionPool pool, Duration timeout) {
    this.view = view;
    this.pool = pool;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<Response> send(int nodeId, LongFunction<? extends Message.Request> request) {
    Optional<NodeInfo> node = view.node(nodeId);
    if (node.isEmpty()) {
      return CompletableFuture.failedFuture(
          new DstException(ErrorCode.UNAVAILABLE, "node " + nodeId + " is not registered"));
    }
    return pool.get(node.get().host(), node.get().port())
        .thenCompose(c -> c.send(request, timeout));
  }
}
