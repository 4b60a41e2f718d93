package io.dst.node.local;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.log.Mutation;
import io.dst.node.NodeConfig;
import io.dst.node.StoreNode;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.Versioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Dst cluster in this JVM: an in-process ZooKeeper (curator-test's {@link TestingServer},
 * 100 ms ticks so short sessions are allowed) and N {@link StoreNode}s on free loopback ports, each
 * with its own data directory under a temporary base directory (deleted on close unless the caller
 * supplied it). Nodes use {@link NodeConfig.Builder#fastFailover()} timings. This backs
 * {@code bin/dst local --nodes N} and the module's tests.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

  private final int size;
  private final String cluster;
  private final Path baseDir;
  private final boolean ownsBaseDir;
  private final UnaryOperator<NodeConfig.Builder> tweak;
  private final List<StoreNode> nodes = new ArrayList<>();
  private final List<NodeConfig> configs = new ArrayList<>();
  private TestingServer zk;

  public LocalCluster(int nodes) {
    this(nodes, "local", null, UnaryOperator.identity());
  }

  /**
   * A cluster of {@code nodes} nodes named {@code cluster}; {@code baseDir} null means a fresh temp
   * dir; {@code tweak} adjusts each node's configuration (timeouts, fsync policy, ...).
   */
  public LocalCluster(int nodes, String cluster, Path baseDir,
      UnaryOperator<NodeConfig.Builder> tweak) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, got " + nodes);
    }
    this.size = nodes;
    this.cluster = cluster;
    this.tweak = tweak;
    try {
      this.ownsBaseDir = baseDir == null;
      this.baseDir = baseDir != null ? Files.createDirectories(baseDir)
          : Files.createTempDirectory("dst-local-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts ZooKeeper and every node, and waits until every kv partition has a primary. */
  public LocalCluster start() {
    try {
      // 100 ms ticks allow the short sessions tests use; without a raised maximum ZooKeeper would
      // also cap every session at 20 ticks (2 s), too short for the default timings under load.
      InstanceSpec spec = new InstanceSpec(baseDir.resolve("zookeeper").toFile(), -1, -1, -1,
          false, 1, 100, 1000, java.util.Map.of("maxSessionTimeout", "60000"));
      zk = new TestingServer(spec, true);
    } catch (Exception e) {
      throw new DstException(ErrorCode.UNAVAILABLE, "cannot start the embedded ZooKeeper: " + e, e);
    }
    for (int i = 0; i < size; i++) {
      addNode();
    }
    awaitKvServable(Duration.ofSeconds(20));
    log.info("local cluster {} ready: zookeeper {}, {} nodes, data under {}", cluster, zkConnect(),
        size, baseDir);
    return this;
  }

  private void awaitKvServable(Duration timeout) {
    try (ClusterView view = new ClusterView(curator(),
        new io.dst.node.meta.ZkPaths(cluster))) {
      view.start(timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        boolean ready = true;
        for (int p = 0; p < Mutation.KV_PARTITIONS && ready; p++) {
          Optional<Versioned<PartitionState>> s =
              view.partition(new PartitionId(PartitionId.KV_TABLE, p));
          ready = s.isPresent() && s.get().value().hasPrimary()
              && s.get().value().isr().size() >= Math.min(2, size);
        }
        if (ready) {
          return;
        }
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new DstException(ErrorCode.UNAVAILABLE, "local cluster did not become ready in " + timeout);
  }

  private org.apache.curator.framework.CuratorFramework curatorClient;

  private org.apache.curator.framework.CuratorFramework curator() {
    if (curatorClient == null) {
      curatorClient = org.apache.curator.framework.CuratorFrameworkFactory.newClient(zkConnect(),
          new org.apache.curator.retry.RetryOneTime(100));
      curatorClient.start();
    }
    return curatorClient;
  }

  /** Stops the embedded ZooKeeper (nodes lose their sessions' connection: leases suspend). */
  public void stopZooKeeper() {
    try {
      zk.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the embedded ZooKeeper again on the same port and data. */
  public void restartZooKeeper() {
    try {
      zk.restart();
    } catch (Exception e) {
      throw new DstException(ErrorCode.UNAVAILABLE, "cannot restart the embedded ZooKeeper", e);
    }
  }

  public String zkConnect() {
    return zk.getConnectString();
  }

  public String clusterName() {
    return cluster;
  }

  public Path baseDir() {
    return baseDir;
  }

  /** The running nodes (a stopped node's slot holds null). */
  public List<StoreNode> nodes() {
    return java.util.Collections.unmodifiableList(nodes);
  }

  /** Node with id {@code id} (ids are 1..N). */
  public StoreNode node(int id) {
    return nodes.get(id - 1);
  }

  /** Starts one more node (the next id, its own data dir) and returns it. */
  public StoreNode addNode() {
    int id = nodes.size() + 1;
    NodeConfig.Builder b = NodeConfig.builder(zkConnect(), cluster).fastFailover()
        .host("127.0.0.1").port(0).nodeId(id).dataDir(baseDir.resolve("node-" + id));
    // The nodes share this machine: more event loops than cores only adds context switches.
    b.ioThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / size));
    configs.add(tweak.apply(b).build());
    StoreNode node = new StoreNode(configs.get(id - 1)).start();
    nodes.add(node);
    return node;
  }

  /** Stops node {@code id} (its ephemeral znode goes at once); its data dir stays. */
  public void stopNode(int id) {
    StoreNode n = nodes.set(id - 1, null);
    if (n != null) {
      n.close();
    }
  }

  /** Starts node {@code id} again on its data dir, as a new incarnation. */
  public StoreNode startNode(int id) {
    if (nodes.get(id - 1) != null) {
      throw new IllegalStateException("node " + id + " is running");
    }
    StoreNode n = new StoreNode(configs.get(id - 1).toBuilder().port(0).build()).start();
    nodes.set(id - 1, n);
    return n;
  }

  @Override
  public void close() {
    for (int i = 0; i < nodes.size(); i++) {
      stopNode(i + 1);
    }
    if (curatorClient != null) {
      curatorClient.close();
    }
    if (zk != null) {
      try {
        zk.close();
      } catch (IOException e) {
        log.debug("closing zookeeper: {}", e.toString());
      }
    }
    if (ownsBaseDir) {
      try (Stream<Path> walk = Files.walk(baseDir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log.debug("deleting {}: {}", baseDir, e.toString());
      }
    }
  }
}
