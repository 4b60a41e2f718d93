package io.dst.node;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.ErrorCode;
import io.dst.node.controller.Controller;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.NodeInfo;
import io.dst.node.meta.ZkPaths;
import io.dst.node.replication.KvExpiry;
import io.dst.node.replication.QueryExecutor;
import io.dst.node.replication.ReplicaManager;
import io.dst.node.replication.ReplicationSettings;
import io.dst.node.transport.ConnectionPool;
import io.dst.node.transport.NodeServer;
import io.dst.node.transport.Pipelines;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Dst store node: serves the partitions ZooKeeper assigns to it over the binary protocol,
 * replicates their logs, and may act as the cluster controller. Its <b>incarnation</b> is a fresh
 * random number per start, registered with its address in an ephemeral znode, so the cluster can
 * tell a restarted node from a continuing one. The node's ZooKeeper session is its lease: while the
 * session is suspended its primaries stop serving.
 */
public final class StoreNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StoreNode.class);

  private final NodeConfig config;
  private final long incarnation = new SecureRandom().nextLong() & Long.MAX_VALUE | 1;
  private CuratorFramework zk;
  private ClusterView view;
  private EventLoopGroup loops;
  private ConnectionPool pool;
  private ReplicaManager replicas;
  private NodeServer server;
  private PersistentNode registration;
  private Controller controller;
  private EmbeddedStore store;
  private java.util.concurrent.ExecutorService bulkReads;
  private int nodeId = -1;
  private InetSocketAddress address;
  private io.dst.node.resp.RespEndpoint resp;
  private io.dst.node.metrics.NodeMetrics metrics;
  private io.dst.node.metrics.MetricsHttpServer metricsHttp;
  private KvExpiry expiry;

  public StoreNode(NodeConfig config) {
    this.config = config;
  }

  public NodeConfig config() {
    return config;
  }

  /** Connects to ZooKeeper, recovers local partitions, binds the port and registers the node. */
  public StoreNode start() {
    try {
      Files.createDirectories(config.dataDir());
      zk = CuratorFrameworkFactory.builder()
          .connectString(config.zkConnect())
          .sessionTimeoutMs((int) config.sessionTimeout().toMillis())
          .connectionTimeoutMs((int) config.connectionTimeout().toMillis())
          .retryPolicy(new ExponentialBackoffRetry(50, 5, 500))
          .build();
      zk.start();
      if (!zk.blockUntilConnected((int) config.connectionTimeout().toMillis() * 4,
          TimeUnit.MILLISECONDS)) {
        throw new DstException(ErrorCode.UNAVAILABLE,
            "cannot reach ZooKeeper at " + config.zkConnect());
      }
      MetadataStore meta = new MetadataStore(zk, config.cluster());
      meta.ensureLayout();
      nodeId = resolveNodeId(meta);
      view = new ClusterView(zk, new ZkPaths(config.cluster())).start(config.connectionTimeout()
          .multipliedBy(4));
      store = new EmbeddedStore();
      loops = Pipelines.eventLoops("dst-node-" + nodeId, config.ioThreads());
      pool = new ConnectionPool(loops, config.connectionTimeout());
      ClusterPeers peers = new ClusterPeers(view, pool, config.requestTimeout(),
          config.peerAddresses());
      ReplicationSettings settings = new ReplicationSettings(nodeId, incarnation,
          config.replicaLag(), config.heartbeat(), java.time.Duration.ofMillis(50), 512,
          config.snapshotEvery(), config.segmentBytes(), config.fsync());
      replicas = new ReplicaManager(config.dataDir(), store, meta, view, peers, settings);
      zk.getConnectionStateListenable().addListener((client, state) -> {
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
          replicas.onLease(false);
        } else if (state == ConnectionState.RECONNECTED) {
          replicas.onLease(true);
        }
      });
      bulkReads = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dst-node-" + nodeId + "-reads");
        t.setDaemon(true);
        return t;
      });
      expiry = new KvExpiry(store, replicas, System::currentTimeMillis,
          "dst-node-" + nodeId + "-expiry");
      io.dst.node.transport.RequestHandler handler = new NodeRequestHandler(replicas,
          new QueryExecutor(store), incarnation, bulkReads, expiry);
      if (config.metricsPort() >= 0) {
        metrics = new io.dst.node.metrics.NodeMetrics(nodeId);
        metrics.watch(replicas, store);
        handler = metrics.instrument(handler);
      }
      server = new NodeServer(loops, handler);
      address = server.bind(config.host(), config.port());
      replicas.start();
      expiry.start();
      NodeInfo info = new NodeInfo(nodeId, config.host(), address.getPort(), incarnation);
      if (config.advertisedAddress() != null) {
        String adv = config.advertisedAddress();
        int colon = adv.lastIndexOf(':');
        info = new NodeInfo(nodeId, adv.substring(0, colon),
            Integer.parseInt(adv.substring(colon + 1)), incarnation);
      }
      registration = new PersistentNode(zk, CreateMode.EPHEMERAL, false,
          meta.paths().node(nodeId), info.encode());
      registration.start();
      if (!registration.waitForInitialCreate(config.connectionTimeout().toMillis() * 4,
          TimeUnit.MILLISECONDS)) {
        throw new DstException(ErrorCode.UNAVAILABLE, "could not register node " + nodeId);
      }
      controller = new Controller(nodeId, meta, view, peers, config.failoverGrace(),
          config.defaultReplicationFactor(), config.defaultMinInSync(), config.autoRebalanceAfter());
      controller.start();
      if (config.respPort() >= 0) {
        resp = io.dst.node.resp.RespEndpoint.start(zk, config.cluster(),
            config.connectionTimeout().multipliedBy(4), config.host(), config.respPort(),
            config.respPassword(), metrics == null ? io.dst.node.resp.CommandObserver.NONE
                : metrics.redisCommands(), loops,
            new io.dst.node.transport.LocalNode(nodeId, handler));
        log.info("node {} serves the Redis protocol on {}:{}", nodeId, config.host(),
            resp.address().getPort());
      }
      if (metrics != null) {
        metricsHttp = io.dst.node.metrics.MetricsHttpServer.start(config.host(),
            config.metricsPort(), metrics, "dst-node-" + nodeId + "-metrics");
        log.info("node {} serves Prometheus metrics on http://{}:{}/metrics", nodeId,
            config.host(), metricsHttp.address().getPort());
      }
      log.info("node {} ready on {}:{} (cluster {}, zookeeper {}, data {}, incarnation {})", nodeId,
          config.host(), address.getPort(), config.cluster(), config.zkConnect(),
          config.dataDir(), incarnation);
      return this;
    } catch (DstException e) {
      close();
      throw e;
    } catch (Exception e) {
      close();
      throw new DstException(ErrorCode.UNAVAILABLE, "node failed to start: " + e, e);
    }
  }

  private int resolveNodeId(MetadataStore meta) throws IOException {
    Path idFile = config.dataDir().resolve("node.id");
    if (config.nodeId() >= 0) {
      Files.writeString(idFile, String.valueOf(config.nodeId()), StandardCharsets.UTF_8);
      return config.nodeId();
    }
    if (Files.exists(idFile)) {
      return Integer.parseInt(Files.readString(idFile, StandardCharsets.UTF_8).trim());
    }
    int id = meta.allocateNodeId();
    Files.writeString(idFile, String.valueOf(id), StandardCharsets.UTF_8);
    return id;
  }

  /** The bound Redis port's address, or null when the node has none (respPort -1). */
  public InetSocketAddress respAddress() {
    return resp == null ? null : resp.address();
  }

  /** The bound metrics port's address, or null when the node has none (metricsPort -1). */
  public InetSocketAddress metricsAddress() {
    return metricsHttp == null ? null : metricsHttp.address();
  }

  public int nodeId() {
    return nodeId;
  }

  public long incarnation() {
    return incarnation;
  }

  public InetSocketAddress address() {
    return address;
  }

  /** The node's local store (every partition it replicates); for tests and tools. */
  public EmbeddedStore localStore() {
    return store;
  }

  public ReplicaManager replicaManager() {
    return replicas;
  }

  public boolean isController() {
    return controller != null && controller.isLeader();
  }

  /** Stops serving, leaves the cluster (its ephemeral znode goes at once) and releases resources. */
  /**
   * Starts a node, tells {@code onReady} once it serves, and blocks until the JVM shuts down (a
   * signal or System.exit), closing the node on the way out: the whole life of a node process.
   */
  public static void runUntilShutdown(NodeConfig config, java.util.function.Consumer<StoreNode> onReady)
      throws InterruptedException {
    StoreNode node = new StoreNode(config).start();
    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "dst-node-shutdown"));
    onReady.accept(node);
    stopped.await();
  }

  @Override
  public void close() {
    closeQuietly(controller);
    if (registration != null) {
      try {
        registration.close();
      } catch (IOException e) {
        log.debug("closing registration: {}", e.toString());
      }
    }
    closeQuietly(resp);
    closeQuietly(metricsHttp);
    closeQuietly(server);
    closeQuietly(expiry);
    closeQuietly(replicas);
    if (bulkReads != null) {
      bulkReads.shutdownNow();
    }
    closeQuietly(pool);
    closeQuietly(view);
    if (loops != null) {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
    closeQuietly(zk);
    closeQuietly(metrics);
    if (nodeId >= 0) {
      log.info("node {} stopped", nodeId);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        log.debug("closing {}: {}", c, e.toString());
      }
    }
  }
}
