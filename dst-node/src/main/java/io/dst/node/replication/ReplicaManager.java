package io.dst.node.replication;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.PartitionId;
import io.dst.engine.log.Mutation;
import io.dst.engine.schema.TableSchema;
import io.dst.node.log.FsyncPolicy;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.TableMeta;
import io.dst.node.meta.Versioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's partition replicas in line with ZooKeeper: opens a {@link PartitionReplica}
 * for every partition that lists this node among its replicas, hands it each new configuration,
 * closes (and deletes) the ones no longer assigned, and mirrors table DDL into the local store.
 * Metadata work runs on one thread, in the order ZooKeeper reported it; a timer thread drives the
 * primaries' heartbeats, retries and lag checks, and the interval fsync.
 */
public final class ReplicaManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplicaManager.class);
  private static final long TICK_MILLIS = 10;

  private final Path dataDir;
  private final EmbeddedStore store;
  private final MetadataStore meta;
  private final ClusterView view;
  private final Peers peers;
  private final ReplicationSettings settings;
  private final Map<PartitionId, PartitionReplica> replicas = new ConcurrentHashMap<>();
  /** Creation zxid of the table each local table / replica belongs to (see ClusterView). */
  private final Map<String, Long> localTables = new ConcurrentHashMap<>();
  private final Map<PartitionId, Long> replicaTables = new ConcurrentHashMap<>();
  private final ScheduledExecutorService metaThread;
  private final ScheduledExecutorService timer;
  private volatile boolean leaseHeld = true;
  private volatile boolean closed;

  public ReplicaManager(Path dataDir, EmbeddedStore store, MetadataStore meta, ClusterView view,
      Peers peers, ReplicationSettings settings) {
    this.dataDir = dataDir.resolve("partitions");
    this.store = store;
    this.meta = meta;
    this.view = view;
    this.peers = peers;
    this.settings = settings;
    String name = "dst-node-" + settings.nodeId();
    this.metaThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-meta"));
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-timer"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public void start() {
    view.onChange(path -> submit(() -> onPathChanged(path)));
    submit(this::reconcileAll);
    timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    if (settings.fsync().mode() == FsyncPolicy.Mode.INTERVAL) {
      long ms = Math.max(1, settings.fsync().interval().toMillis());
      timer.scheduleWithFixedDelay(this::forceAll, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  private void submit(Runnable r) {
    if (closed) {
      return;
    }
    metaThread.execute(() -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.error("node {}: metadata work failed; retrying a full reconcile shortly",
            settings.nodeId(), e);
        if (!closed) {
          metaThread.schedule(this::reconcileAll, 200, TimeUnit.MILLISECONDS);
        }
      }
    });
  }

  private void tick() {
    long now = System.nanoTime();
    for (PartitionReplica r : replicas.values()) {
      try {
        r.tick(now);
      } catch (RuntimeException e) {
        log.warn("partition {}: tick failed: {}", r.id(), e.toString());
      }
    }
  }

  private void forceAll() {
    for (PartitionReplica r : replicas.values()) {
      try {
        r.force();
      } catch (RuntimeException e) {
        // A replica closing under the flusher; an exception here would cancel the schedule.
        log.debug("partition {}: fsync skipped: {}", r.id(), e.toString());
      }
    }
  }

  /** The lease follows the ZooKeeper session: suspended or lost stops every primary at once. */
  public void onLease(boolean held) {
    leaseHeld = held;
    if (!held) {
      log.warn("node {}: ZooKeeper connection suspended; primaries stop serving until it returns",
          settings.nodeId());
    }
    if (!held) {
      replicas.values().forEach(r -> r.onLease(false));
      return;
    }
    // Serve again only after reading each partition's configuration from ZooKeeper itself: the
    // cache may still show a configuration that a failover replaced while we were away.
    submit(this::refreshFromZooKeeper);
  }

  private synchronized void refreshFromZooKeeper() {
    for (PartitionReplica r : new ArrayList<>(replicas.values())) {
      Optional<Versioned<TableMeta>> t = meta.table(r.id().table());
      Optional<Versioned<PartitionState>> s = meta.partition(r.id());
      if (t.isPresent() && s.isPresent()) {
        r.onConfig(s.get(), t.get().value().minInSync(), leaseHeld);
      }
    }
    log.info("node {}: ZooKeeper connection restored; partition configurations re-read",
        settings.nodeId());
  }

  public Optional<PartitionReplica> replica(PartitionId id) {
    return Optional.ofNullable(replicas.get(id));
  }

  public List<PartitionReplica> replicas() {
    return new ArrayList<>(replicas.values());
  }

  private void onPathChanged(String path) {
    String partitions = view.paths().partitions() + "/";
    if (path.startsWith(partitions)) {
      String[] parts = path.substring(partitions.length()).split("/");
      if (parts.length == 2) {
        Optional<Versioned<TableMeta>> t = view.table(parts[0]);
        PartitionId id = new PartitionId(parts[0], Integer.parseInt(parts[1]));
        if (t.isPresent()) {
          ensureLocalTable(t.get().value());
          reconcilePartition(t.get().value(), id);
        } else {
          closeReplica(id, true);
        }
        return;
      }
    }
    if (path.startsWith(view.paths().tables())) {
      reconcileAll();
    }
  }

  private synchronized void reconcileAll() {
    if (closed) {
      return;
    }
    Map<String, Versioned<TableMeta>> tables = view.tables();
    for (Versioned<TableMeta> t : tables.values()) {
      ensureLocalTable(t.value());
      for (int p = 0; p < t.value().partitions(); p++) {
        reconcilePartition(t.value(), new PartitionId(t.value().name(), p));
      }
    }
    for (PartitionId id : new ArrayList<>(replicas.keySet())) {
      Versioned<TableMeta> t = tables.get(id.table());
      if (t == null || id.partition() >= t.value().partitions()) {
        closeReplica(id, true);
      }
    }
    for (TableSchema local : store.tables()) {
      if (!tables.containsKey(local.name())) {
        log.info("node {}: table {} was dropped; dropping its local partitions",
            settings.nodeId(), local.name());
        store.apply(new Mutation.DropTable(local.name(), true));
        localTables.remove(local.name());
      }
    }
  }

  private long creationOf(String table) {
    return view.tableCreation(table).orElse(0);
  }

  private void ensureLocalTable(TableMeta t) {
    if (t.name().equals(PartitionId.KV_TABLE)) {
      return;
    }
    long created = creationOf(t.name());
    Optional<TableSchema> local = store.table(t.name()).map(d -> d.schema());
    Long known = localTables.get(t.name());
    if (local.isPresent() && (known == null || known != created)) {
      log.info("node {}: table {} was dropped and created again; discarding the old local data",
          settings.nodeId(), t.name());
      for (PartitionId id : new ArrayList<>(replicas.keySet())) {
        if (id.table().equals(t.name())) {
          closeReplica(id, true);
        }
      }
      store.apply(new Mutation.DropTable(t.name(), true));
      local = Optional.empty();
    }
    localTables.put(t.name(), created);
    if (local.isEmpty()) {
      store.apply(new Mutation.CreateTable(t.schema(), t.partitions(), true)).orThrow();
      log.info("node {}: created local table {} ({} partitions)", settings.nodeId(), t.name(),
          t.partitions());
      return;
    }
    List<List<String>> have = local.get().extraIndexes();
    List<List<String>> want = t.schema().extraIndexes();
    for (int i = have.size(); i < want.size(); i++) {
      // Indexes do not change answers, only speed, so every node may build them on its own.
      store.apply(new Mutation.CreateIndex(t.name(), t.name() + "_idx_" + i, want.get(i)));
    }
  }

  private synchronized void reconcilePartition(TableMeta t, PartitionId id) {
    if (closed) {
      return;
    }
    Optional<Versioned<PartitionState>> s = view.partition(id);
    if (s.isEmpty() || !s.get().value().replicas().contains(settings.nodeId())) {
      closeReplica(id, s.isPresent());
      return;
    }
    long created = creationOf(id.table());
    Long openedFor = replicaTables.get(id);
    if (openedFor != null && openedFor != created) {
      closeReplica(id, true);
    }
    PartitionReplica r = replicas.computeIfAbsent(id, this::open);
    replicaTables.put(id, created);
    r.onConfig(s.get(), t.minInSync(), leaseHeld);
  }

  private PartitionReplica open(PartitionId id) {
    Path dir = dirOf(id);
    String created = String.valueOf(view.tableCreation(id.table()).orElse(0));
    Path marker = dir.resolve("table.created");
    try {
      if (Files.exists(marker) && !Files.readString(marker).trim().equals(created)) {
        log.warn("node {}: partition {} on disk belongs to an earlier table of the same name; "
            + "deleting it", settings.nodeId(), id);
        deleteRecursively(dir);
      }
      if (!Files.exists(marker)) {
        Files.createDirectories(dir);
        Files.writeString(marker, created);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
    return new PartitionReplica(id, dir, settings, new EngineStateMachine(store, id), meta,
        EpochAuthority.zooKeeper(meta), peers);
  }

  private Path dirOf(PartitionId id) {
    return dataDir.resolve(id.table() + "-" + id.partition());
  }

  private void closeReplica(PartitionId id, boolean delete) {
    PartitionReplica r = replicas.remove(id);
    replicaTables.remove(id);
    if (r == null) {
      return;
    }
    r.close();
    if (delete) {
      log.info("node {}: partition {} is no longer assigned here; deleting its data",
          settings.nodeId(), id);
      deleteRecursively(dirOf(id));
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    metaThread.shutdownNow();
    try {
      metaThread.awaitTermination(2, TimeUnit.SECONDS);
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      replicas.values().forEach(PartitionReplica::close);
      replicas.clear();
    }
  }
}
