package io.dst.node.client;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.api.DataStore;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.TableSchema;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.TableMeta;
import io.dst.node.meta.Versioned;
import io.dst.node.meta.ZkPaths;
import io.dst.node.transport.ConnectionPool;
import io.dst.node.transport.Pipelines;
import io.dst.node.transport.LocalNode;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * A {@link DataStore} over a Dst cluster found through ZooKeeper: the client side of the cluster
 * URL {@code jdbc:dst://zkhost:2181/cluster}. It caches the cluster metadata (tables, partition
 * configurations with their znode versions, live nodes), routes each key to its partition's
 * primary, pushes scans and partial aggregates to every partition's primary, and retries while
 * metadata is stale or a failover is in progress (see {@link ClusterClient}). DDL changes the table
 * znodes in ZooKeeper; the controller and nodes follow. Thread-safe; share one per process.
 */
public final class ClusterDataStore implements DataStore {
  private final CuratorFramework zk;
  private final MetadataStore meta;
  private final ClusterView view;
  private final EventLoopGroup loops;
  private final ConnectionPool pool;
  private final ExecutorService fanout;
  private final ClusterClient client;
  private final ClusterKv kv;
  private final Duration timeout;
  private final Map<String, AtomicLong> roundRobin = new ConcurrentHashMap<>();
  private volatile int defaultPartitions = EmbeddedStore.DEFAULT_PARTITIONS;
  private volatile int defaultReplication = 3;
  private volatile int defaultMinInSync = 2;
  private final boolean ownsZk;
  private final boolean ownsLoops;

  private ClusterDataStore(CuratorFramework zk, String cluster, Duration timeout, boolean ownsZk) {
    this(zk, cluster, timeout, ownsZk, null, null);
  }

  private ClusterDataStore(CuratorFramework zk, String cluster, Duration timeout, boolean ownsZk,
      EventLoopGroup sharedLoops, LocalNode local) {
    this.zk = zk;
    this.ownsZk = ownsZk;
    this.timeout = timeout;
    this.meta = new MetadataStore(zk, cluster);
    this.view = new ClusterView(zk, new ZkPaths(cluster));
    this.ownsLoops = sharedLoops == null;
    this.loops = sharedLoops != null ? sharedLoops : Pipelines.eventLoops("dst-client", 2);
    this.pool = new ConnectionPool(loops, timeout);
    this.fanout = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "dst-client-fanout");
      t.setDaemon(true);
      return t;
    });
    this.client = new ClusterClient(view, pool, timeout, fanout, local);
    this.kv = new ClusterKv(client);
  }

  /**
   * Connects to the cluster {@code cluster} registered in ZooKeeper at {@code zkConnect}; {@code
   * timeout} bounds the connection and every later call (retries included).
   */
  public static ClusterDataStore connect(String zkConnect, String cluster, Duration timeout) {
    CuratorFramework zk = CuratorFrameworkFactory.builder().connectString(zkConnect)
        .connectionTimeoutMs((int) timeout.toMillis())
        .sessionTimeoutMs((int) Math.max(timeout.toMillis() * 2, 4000))
        .retryPolicy(new ExponentialBackoffRetry(50, 5, 1000)).build();
    zk.start();
    ClusterDataStore store = null;
    try {
      if (!zk.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new DstException(ErrorCode.UNAVAILABLE, "cannot reach ZooKeeper at " + zkConnect
            + " within " + timeout.toMillis() + " ms");
      }
      store = new ClusterDataStore(zk, cluster, timeout, true);
      store.meta.ensureLayout();
      store.view.start(timeout);
      return store;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DstException(ErrorCode.UNAVAILABLE, "interrupted connecting to " + zkConnect, e);
    } catch (RuntimeException e) {
      if (store != null) {
        store.close();
      } else {
        zk.close();
      }
      throw e;
    }
  }

  /**
   * A client over an already connected ZooKeeper client that stays the caller's (not closed by
   * {@link #close}): a store node's own services use its session instead of opening another.
   */
  public static ClusterDataStore over(CuratorFramework zk, String cluster, Duration timeout) {
    return over(zk, cluster, timeout, null, null);
  }

  /**
   * As {@link #over(CuratorFramework, String, Duration)}, with its connections on {@code loops}
   * (null: its own), which stay the caller's. A server whose requests arrive on those same loops
   * (the node's Redis port) then talks to the cluster without a thread hand-off: see {@link
   * io.dst.node.transport.ConnectionPool}. Requests for partitions whose primary is {@code local}'s
   * node (null: none) are served in process.
   */
  public static ClusterDataStore over(CuratorFramework zk, String cluster, Duration timeout,
      EventLoopGroup loops, LocalNode local) {
    ClusterDataStore store = new ClusterDataStore(zk, cluster, timeout, false, loops, local);
    try {
      store.view.start(timeout);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Partitions, replication factor and minimum in-sync size of tables created from now on. */
  public ClusterDataStore withTableDefaults(int partitions, int replicationFactor, int minInSync) {
    this.defaultPartitions = partitions;
    this.defaultReplication = replicationFactor;
    this.defaultMinInSync = minInSync;
    return this;
  }

  @Override
  public List<TableSchema> tables() {
    List<TableSchema> out = new ArrayList<>();
    view.tables().forEach((name, t) -> {
      if (!name.startsWith("$")) {
        out.add(t.value().schema());
      }
    });
    return out;
  }

  @Override
  public Optional<TableData> table(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("$")) {
      return Optional.empty();
    }
    return view.table(n).map(t -> new ClusterTable(client, t.value(),
        roundRobin.computeIfAbsent(n, k -> new AtomicLong())));
  }

  @Override
  public boolean createTable(TableSchema schema, boolean ifNotExists) {
    return createTable(schema, defaultPartitions, defaultReplication, defaultMinInSync,
        ifNotExists);
  }

  /** Creates a table with explicit partitioning and replication; waits until it can be served. */
  public boolean createTable(TableSchema schema, int partitions, int replicationFactor,
      int minInSync, boolean ifNotExists) {
    if (schema.name().startsWith("$")) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "table names starting with $ are reserved: " + schema.name());
    }
    if (!meta.createTable(new TableMeta(schema, partitions, replicationFactor, minInSync))) {
      if (ifNotExists) {
        return false;
      }
      throw new DstException(ErrorCode.TABLE_EXISTS, "table " + schema.name() + " already exists");
    }
    awaitServable(schema.name(), partitions);
    return true;
  }

  private void awaitServable(String table, int partitions) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (int p = 0; p < partitions && all; p++) {
        Optional<Versioned<PartitionState>> s = view.partition(new PartitionId(table, p));
        all = s.isPresent() && s.get().value().hasPrimary();
      }
      if (all && view.table(table).isPresent()) {
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new DstException(ErrorCode.UNAVAILABLE, "table " + table + " was created but its "
        + "partitions were not assigned within " + timeout.toMillis() + " ms; is a node running?");
  }

  @Override
  public boolean dropTable(String name, boolean ifExists) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("$") || !meta.deleteTable(n)) {
      if (ifExists) {
        return false;
      }
      throw new DstException(ErrorCode.UNKNOWN_TABLE, "table " + n + " does not exist");
    }
    // Read your own DDL: the cached metadata must show the drop before this returns.
    awaitView(() -> view.table(n).isEmpty());
    return true;
  }

  private void awaitView(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void createIndex(String table, String indexName, List<String> columns) {
    String n = table.toLowerCase(Locale.ROOT);
    for (int attempt = 0; attempt < 20; attempt++) {
      Versioned<TableMeta> t = meta.table(n).orElseThrow(() ->
          new DstException(ErrorCode.UNKNOWN_TABLE, "table " + n + " does not exist"));
      TableSchema s = t.value().schema();
      columns.forEach(s::requireColumn);
      List<List<String>> indexes = new ArrayList<>(s.extraIndexes());
      indexes.add(List.copyOf(columns));
      TableMeta updated = new TableMeta(new TableSchema(s.name(), s.columns(), indexes),
          t.value().partitions(), t.value().replicationFactor(), t.value().minInSync());
      if (meta.updateTable(updated, t.version())) {
        awaitView(() -> view.table(n).map(v -> v.version() > t.version()).orElse(true));
        return;
      }
    }
    throw new DstException(ErrorCode.UNAVAILABLE, "could not add index " + indexName + " to "
        + n + ": its metadata kept changing");
  }

  @Override
  public KvStore kv() {
    return kv;
  }

  /** The kv store's pipelined side: many requests in flight at once (the Redis port uses it). */
  public KvPipeline kvPipeline() {
    return kv;
  }

  /** The cached cluster metadata (for tools and tests). */
  public ClusterView view() {
    return view;
  }

  @Override
  public void close() {
    view.close();
    pool.close();
    fanout.shutdownNow();
    if (ownsLoops) {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
    if (ownsZk) {
      zk.close();
    }
  }
}
