package io.dst.node.admin;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.node.controller.RebalancePlanner;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.NodeInfo;
import io.dst.node.meta.PartitionMove;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.ZkPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * The operator's handle on a running cluster, through ZooKeeper only: {@link #status}, {@link
 * #rebalance} (plans moves and records them for the controller to execute) and {@link
 * #decommission} (marks a node draining; the controller moves its replicas off). Backs
 * {@code bin/dst admin}.
 */
public final class ClusterAdmin implements AutoCloseable {
  private final String cluster;
  private final CuratorFramework zk;
  private final MetadataStore meta;
  private final ClusterView view;

  private ClusterAdmin(String cluster, CuratorFramework zk, Duration timeout) {
    this.cluster = cluster;
    this.zk = zk;
    this.meta = new MetadataStore(zk, cluster);
    this.view = new ClusterView(zk, new ZkPaths(cluster));
    try {
      if (!zk.blockUntilConnected((int) timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new DstException(ErrorCode.UNAVAILABLE, "could not reach ZooKeeper within "
            + timeout.toMillis() + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DstException(ErrorCode.UNAVAILABLE, "interrupted while connecting to ZooKeeper", e);
    }
    boolean exists;
    try {
      exists = zk.checkExists().forPath(meta.paths().tables()) != null;
    } catch (Exception e) {
      throw new DstException(ErrorCode.UNAVAILABLE, "ZooKeeper request failed: " + e, e);
    }
    if (!exists) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "no cluster named '" + cluster
          + "' in this ZooKeeper (nothing under " + meta.paths().root() + ")");
    }
    view.start(timeout);
  }

  /** Connects to cluster {@code cluster} through ZooKeeper at {@code zkConnect}. */
  public static ClusterAdmin connect(String zkConnect, String cluster, Duration timeout) {
    CuratorFramework zk = CuratorFrameworkFactory.builder().connectString(zkConnect)
        .connectionTimeoutMs((int) timeout.toMillis()).sessionTimeoutMs(10_000)
        .retryPolicy(new ExponentialBackoffRetry(100, 3)).build();
    zk.start();
    try {
      return new ClusterAdmin(cluster, zk, timeout);
    } catch (RuntimeException e) {
      zk.close();
      throw e;
    }
  }

  public ClusterStatus status() {
    Map<Integer, NodeInfo> live = view.liveNodes();
    Set<Integer> draining = view.drainingNodes();
    Map<PartitionId, PartitionMove> moves = view.moves();
    Map<PartitionId, PartitionState> parts = view.partitionStates();
    Set<Integer> ids = new TreeSet<>(live.keySet());
    ids.addAll(draining);
    parts.values().forEach(s -> ids.addAll(s.replicas()));
    List<ClusterStatus.Node> nodes = new ArrayList<>();
    for (int id : ids) {
      int replicas = (int) parts.values().stream().filter(s -> s.replicas().contains(id)).count();
      int primaries = (int) parts.values().stream().filter(s -> s.primary() == id).count();
      NodeInfo info = live.get(id);
      nodes.add(new ClusterStatus.Node(id, info == null ? null : info.address(), info != null,
          draining.contains(id), replicas, primaries));
    }
    List<ClusterStatus.Partition> partitions = new ArrayList<>();
    parts.forEach((id, s) -> partitions.add(new ClusterStatus.Partition(id, s, moves.get(id))));
    return new ClusterStatus(cluster, controller(), nodes, partitions);
  }

  /**
   * Plans moves that spread replicas and primaries evenly over the live, non-draining nodes and
   * records them; the controller executes them a few at a time. Partitions that already have a
   * move are left out. Returns the recorded moves (empty: already balanced).
   */
  public List<PartitionMove> rebalance() {
    Map<Integer, NodeInfo> live = view.liveNodes();
    Set<Integer> eligible = new TreeSet<>(live.keySet());
    eligible.removeAll(view.drainingNodes());
    if (eligible.isEmpty()) {
      throw new DstException(ErrorCode.UNAVAILABLE, "cluster " + cluster
          + " has no live node that is not draining; nothing to rebalance onto");
    }
    List<PartitionMove> recorded = new ArrayList<>();
    for (PartitionMove m : RebalancePlanner.rebalance(view.partitionStates(), eligible,
        view.moves().keySet())) {
      if (meta.createMove(m)) {
        recorded.add(m);
      }
    }
    return recorded;
  }

  /**
   * Marks {@code node} as draining: the controller moves all its replicas to other nodes and then
   * reports it removable in {@link #status}. Returns false when it was already draining.
   */
  public boolean decommission(int node) {
    ClusterStatus s = status();
    if (s.nodes().stream().noneMatch(n -> n.id() == node)) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "node " + node + " is not part of cluster "
          + cluster + " (known nodes: " + s.nodes().stream().map(n -> String.valueOf(n.id()))
          .toList() + ")");
    }
    return meta.markDraining(node);
  }

  /**
   * Requests one move (a replica from {@code from} to {@code to}, or with {@link
   * PartitionMove.Kind#LEADER} only the primary role); false when the partition already has one.
   */
  public boolean requestMove(PartitionMove move) {
    PartitionState s = view.partitionStates().get(move.partition());
    if (s == null) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "no partition " + move.partition()
          + " in cluster " + cluster);
    }
    if (!s.replicas().contains(move.from())) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "node " + move.from()
          + " holds no replica of " + move.partition() + " (replicas " + s.replicas() + ")");
    }
    if (move.kind() == PartitionMove.Kind.REPLICA ? s.replicas().contains(move.to())
        : !s.replicas().contains(move.to())) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "cannot " + move + ": its replicas are "
          + s.replicas());
    }
    return meta.createMove(move);
  }

  /** The controller's node id, from the leader latch's lowest sequence znode; -1 when none. */
  private int controller() {
    try {
      String path = meta.paths().controller();
      if (zk.checkExists().forPath(path) == null) {
        return -1;
      }
      Map<String, String> bySequence = new TreeMap<>();
      for (String child : zk.getChildren().forPath(path)) {
        bySequence.put(child.substring(child.lastIndexOf('-') + 1), child);
      }
      for (String child : bySequence.values()) {
        try {
          return Integer.parseInt(new String(zk.getData().forPath(path + "/" + child),
              java.nio.charset.StandardCharsets.UTF_8).trim());
        } catch (org.apache.zookeeper.KeeperException.NoNodeException e) {
          // that participant left meanwhile; the next one leads
        }
      }
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  @Override
  public void close() {
    view.close();
    zk.close();
  }
}
