package io.dst.node.resp;

import io.dst.node.client.ClusterDataStore;
import io.dst.node.transport.LocalNode;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.curator.framework.CuratorFramework;

/**
 * A store node's Redis port: a {@link RespServer} over the cluster client's kv, never over the node's
 * local store. Going through the client routes every key to its partition's primary, so a RESP write
 * is acknowledged only after the in-sync replicas appended it, and a node that is not the key's
 * primary forwards the request. Cluster calls block on the network, hence the worker pool.
 */
public final class RespEndpoint implements AutoCloseable {
  private static final int WORKERS = 32;

  private final ClusterDataStore cluster;
  private final ExecutorService workers;
  private final RespServer server;
  private final InetSocketAddress address;

  private RespEndpoint(ClusterDataStore cluster, ExecutorService workers, RespServer server,
      InetSocketAddress address) {
    this.cluster = cluster;
    this.workers = workers;
    this.server = server;
    this.address = address;
  }

  /**
   * Starts a cluster client over the node's own ZooKeeper client {@code zk} (no second session)
   * and binds the port; on failure nothing is left open.
   */
  public static RespEndpoint start(CuratorFramework zk, String clusterName, Duration timeout,
      String host, int port, String password) {
    return start(zk, clusterName, timeout, host, port, password, CommandObserver.NONE);
  }

  /**
   * As {@link #start(CuratorFramework, String, Duration, String, int, String)}, telling {@code
   * observer} about every command.
   */
  public static RespEndpoint start(CuratorFramework zk, String clusterName, Duration timeout,
      String host, int port, String password, CommandObserver observer) {
    return start(zk, clusterName, timeout, host, port, password, observer, null, null);
  }

  /**
   * As above, serving clients and reaching the cluster on the node's event loops {@code loops}
   * (null: loops of its own), so a request read on a loop is forwarded, and its answer
   * received, on that same loop; requests for partitions this node leads go to {@code local}
   * (null: through a connection like any other).
   */
  public static RespEndpoint start(CuratorFramework zk, String clusterName, Duration timeout,
      String host, int port, String password, CommandObserver observer, EventLoopGroup loops,
      LocalNode local) {
    ClusterDataStore cluster = ClusterDataStore.over(zk, clusterName, timeout, loops, local);
    ExecutorService workers =
        Executors.newFixedThreadPool(WORKERS, new DefaultThreadFactory("dst-resp-worker", true));
    RespServer.Builder builder = RespServer.builder(cluster.kv()).password(password)
        .blockingExecutor(workers).commandObserver(observer).pipeline(cluster.kvPipeline());
    if (loops != null) {
      builder.eventLoops(loops);
    }
    RespServer server = builder.build();
    try {
      return new RespEndpoint(cluster, workers, server, server.start(host, port));
    } catch (RuntimeException e) {
      server.close();
      workers.shutdownNow();
      cluster.close();
      throw e;
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  @Override
  public void close() {
    server.close();
    workers.shutdownNow();
    cluster.close();
  }
}
