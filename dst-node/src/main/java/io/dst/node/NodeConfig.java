package io.dst.node;

import io.dst.node.log.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link StoreNode} needs to start. Build it with {@link #builder}; every option but the
 * ZooKeeper address and cluster name has a default. {@code port} 0 picks a free port; {@code nodeId}
 * -1 reuses the id stored in the data dir, or allocates a new one from ZooKeeper. {@code
 * advertisedAddress} ("host:port", null for the bound address) is what the node registers for
 * others to connect to, e.g. a fault-injecting proxy in front of it. {@code respPort} opens a Redis
 * (RESP2/3) port on the node's host: -1 (the default) keeps it closed, 0 picks a free port; {@code
 * respPassword}, when not null, makes clients AUTH first. {@code peerAddresses} ("host:port" by
 * node id) overrides where this node reaches a given peer, before its registered address, so a test
 * harness can put a fault-injecting proxy on each directed node-to-node link. {@code metricsPort}
 * serves Prometheus metrics over HTTP at {@code /metrics} on the node's host: -1 (the default)
 * keeps it closed, 0 picks a free port.
 *
 * <p>Timing: the ZooKeeper <b>sessionTimeout</b> is the primary's lease (a primary stops serving as
 * soon as its session is suspended); <b>failoverGrace</b> is how long the controller waits after a
 * primary's node vanished before promoting a replica; <b>replicaLag</b> how long an in-sync replica
 * may stay behind before it is dropped from the in-sync set.
 */
public record NodeConfig(String zkConnect, String cluster, String host, int port, Path dataDir,
    int nodeId, Duration sessionTimeout, Duration connectionTimeout, Duration requestTimeout,
    Duration replicaLag, Duration heartbeat, Duration failoverGrace, FsyncPolicy fsync,
    long snapshotEvery, long segmentBytes, int defaultReplicationFactor, int defaultMinInSync,
    String advertisedAddress, int respPort, String respPassword,
    Map<Integer, String> peerAddresses, int metricsPort, Duration autoRebalanceAfter,
    int ioThreads) {

  public NodeConfig {
    Objects.requireNonNull(zkConnect, "zkConnect");
    if (ioThreads < 1) {
      throw new IllegalArgumentException("a node needs at least one I/O thread, got " + ioThreads);
    }
    peerAddresses = peerAddresses == null ? Map.of() : Map.copyOf(peerAddresses);
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(dataDir, "dataDir");
  }

  /**
   * Parses one {@code N=HOST:PORT} peer-address override into {@code into}; fails with a message
   * naming the bad value, for the command lines of {@code StoreNodeMain} and {@code bin/dst node}.
   */
  public static void parsePeerAddress(String value, Map<Integer, String> into) {
    int eq = value.indexOf('=');
    if (eq <= 0 || value.lastIndexOf(':') < eq) {
      throw new IllegalArgumentException("--peer-address needs N=HOST:PORT, got " + value);
    }
    try {
      into.put(Integer.parseInt(value.substring(0, eq)), value.substring(eq + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--peer-address needs a numeric node id, got " + value);
    }
  }

  /** Event-loop threads of a node unless configured. */
  public static final int DEFAULT_IO_THREADS = 2;

  public static Builder builder(String zkConnect, String cluster) {
    return new Builder(zkConnect, cluster);
  }

  public Builder toBuilder() {
    return new Builder(zkConnect, cluster).host(host).port(port).dataDir(dataDir).nodeId(nodeId)
        .sessionTimeout(sessionTimeout).connectionTimeout(connectionTimeout)
        .requestTimeout(requestTimeout).replicaLag(replicaLag).heartbeat(heartbeat)
        .failoverGrace(failoverGrace).fsync(fsync).snapshotEvery(snapshotEvery)
        .segmentBytes(segmentBytes).defaultReplicationFactor(defaultReplicationFactor)
        .defaultMinInSync(defaultMinInSync).advertisedAddress(advertisedAddress)
        .respPort(respPort).respPassword(respPassword).peerAddresses(peerAddresses)
        .metricsPort(metricsPort).autoRebalanceAfter(autoRebalanceAfter).ioThreads(ioThreads);
  }

  /** Fluent builder with production defaults. */
  public static final class Builder {
    private final String zkConnect;
    private final String cluster;
    private String host = "127.0.0.1";
    private int port;
    private Path dataDir = Path.of("data");
    private int nodeId = -1;
    private Duration sessionTimeout = Duration.ofSeconds(6);
    private Duration connectionTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(5);
    private Duration replicaLag = Duration.ofSeconds(2);
    private Duration heartbeat = Duration.ofMillis(100);
    private Duration failoverGrace = Duration.ofMillis(300);
    private FsyncPolicy fsync = FsyncPolicy.every(Duration.ofMillis(50));
    private long snapshotEvery = 100_000;
    private long segmentBytes = 64L << 20;
    private int defaultReplicationFactor = 3;
    private int defaultMinInSync = 2;
    private String advertisedAddress;
    private int respPort = -1;
    private String respPassword;
    private Map<Integer, String> peerAddresses = Map.of();
    private int metricsPort = -1;
    private Duration autoRebalanceAfter = Duration.ofSeconds(30);
    private int ioThreads = DEFAULT_IO_THREADS;

    Builder(String zkConnect, String cluster) {
      this.zkConnect = zkConnect;
      this.cluster = cluster;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder dataDir(Path v) {
      dataDir = v;
      return this;
    }

    public Builder nodeId(int v) {
      nodeId = v;
      return this;
    }

    public Builder sessionTimeout(Duration v) {
      sessionTimeout = v;
      return this;
    }

    public Builder connectionTimeout(Duration v) {
      connectionTimeout = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder replicaLag(Duration v) {
      replicaLag = v;
      return this;
    }

    public Builder heartbeat(Duration v) {
      heartbeat = v;
      return this;
    }

    public Builder failoverGrace(Duration v) {
      failoverGrace = v;
      return this;
    }

    public Builder fsync(FsyncPolicy v) {
      fsync = v;
      return this;
    }

    public Builder snapshotEvery(long v) {
      snapshotEvery = v;
      return this;
    }

    public Builder segmentBytes(long v) {
      segmentBytes = v;
      return this;
    }

    public Builder defaultReplicationFactor(int v) {
      defaultReplicationFactor = v;
      return this;
    }

    public Builder defaultMinInSync(int v) {
      defaultMinInSync = v;
      return this;
    }

    public Builder advertisedAddress(String v) {
      advertisedAddress = v;
      return this;
    }

    public Builder respPort(int v) {
      respPort = v;
      return this;
    }

    public Builder respPassword(String v) {
      respPassword = v;
      return this;
    }

    public Builder peerAddresses(Map<Integer, String> v) {
      peerAddresses = v;
      return this;
    }

    /**
     * How long a live node must hold no replica before the controller, on its own, rebalances
     * partitions onto it (default 30 s, so a node that flaps is not filled and emptied);
     * {@link Duration#ZERO} turns it off and leaves moves to {@code bin/dst admin rebalance}.
     */
    public Builder autoRebalanceAfter(Duration v) {
      autoRebalanceAfter = Objects.requireNonNull(v, "autoRebalanceAfter");
      return this;
    }

    /**
     * Event-loop threads for the node's connections (clients, replication and its Redis port),
     * default {@value #DEFAULT_IO_THREADS}. Nodes sharing one machine should split its cores.
     */
    public Builder ioThreads(int v) {
      ioThreads = v;
      return this;
    }

    /** HTTP port for Prometheus metrics at /metrics: -1 (default) none, 0 any free port. */
    public Builder metricsPort(int v) {
      metricsPort = v;
      return this;
    }

    /**
     * The production timings (6 s sessions, 2 s replica lag, 300 ms failover grace), for callers that
     * start from {@link #fastFailover()} presets but run where pauses are likely, like a shell user's
     * local cluster on a busy laptop.
     */
    public Builder standardTimeouts() {
      sessionTimeout = Duration.ofSeconds(6);
      connectionTimeout = Duration.ofSeconds(5);
      replicaLag = Duration.ofSeconds(2);
      failoverGrace = Duration.ofMillis(300);
      requestTimeout = Duration.ofSeconds(5);
      return this;
    }

    /** Short timeouts for tests and local clusters: 1.5 s sessions, fast failure detection. */
    public Builder fastFailover() {
      sessionTimeout = Duration.ofMillis(1500);
      connectionTimeout = Duration.ofMillis(1500);
      replicaLag = Duration.ofMillis(800);
      failoverGrace = Duration.ofMillis(200);
      requestTimeout = Duration.ofSeconds(2);
      return this;
    }

    public NodeConfig build() {
      return new NodeConfig(zkConnect, cluster, host, port, dataDir, nodeId, sessionTimeout,
          connectionTimeout, requestTimeout, replicaLag, heartbeat, failoverGrace, fsync,
          snapshotEvery, segmentBytes, defaultReplicationFactor, defaultMinInSync,
          advertisedAddress, respPort, respPassword, peerAddresses, metricsPort, autoRebalanceAfter,
          ioThreads);
    }
  }
}
