package io.dst.node.controller;

import io.dst.engine.PartitionId;
import io.dst.engine.log.Mutation;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.event.ClusterEvents;
import io.dst.node.fail.Failpoints;
import io.dst.node.meta.ClusterView;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.NodeInfo;
import io.dst.node.meta.PartitionMove;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.TableMeta;
import io.dst.node.meta.Versioned;
import io.dst.node.protocol.ReplicaPosition;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.Response;
import io.dst.node.replication.Peers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster controller: one node at a time holds it, elected with a Curator {@link LeaderLatch}.
 * It assigns every partition of every table (including the kv partitions of the reserved table
 * {@code $kv}) to live nodes, and when a partition's primary is gone (its node's ephemeral znode
 * vanished, or the node came back as a new incarnation) it waits a grace period at least as long as
 * the primary's lease (rule 3), asks the live in-sync replicas for their log ends and promotes the
 * one with the highest (epoch, offset) in the next epoch (rules 2 and 6), with itself as the only
 * in-sync member until the others have caught up (rule 8). Every change is a compare-and-set (rule 1).
 * It also executes requested partition moves ({@link MoveExecutor}, at most
 * {@link #MAX_CONCURRENT_MOVES} filling a new replica at a time) and plans the moves that empty
 * draining (decommissioned) nodes; new partitions and replacement replicas avoid draining nodes.
 * A live node that has held no replica for <b>autoRebalanceAfter</b> (a node that joined) gets
 * partitions by a rebalance the controller plans itself.
 */
public final class Controller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Controller.class);

  /** The marker schema of the reserved kv table; kv data has no columns of its own. */
  public static final TableSchema KV_SCHEMA = new TableSchema(PartitionId.KV_TABLE,
      List.of(new Column("key", ColumnType.of(ScalarType.STRING), true, false, false)));

  /** Moves that may be filling a new replica at once: each costs the primary a catch-up stream. */
  public static final int MAX_CONCURRENT_MOVES = 4;

  private final int nodeId;
  private final MetadataStore meta;
  private final ClusterView view;
  private final Peers peers;
  private final Duration grace;
  private final int defaultReplication;
  private final int defaultMinInSync;
  private final LeaderLatch latch;
  private final ScheduledExecutorService exec;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Map<PartitionId, Long> primaryGoneSince = new HashMap<>();
  private final MoveExecutor moves;
  /** Reported once per controller term: drained nodes, partitions no node can take. */
  private final Set<Integer> drainedReported = new HashSet<>();
  private final Set<PartitionId> stuckReported = new HashSet<>();
  private final Set<Integer> drainSeen = new HashSet<>();
  private final Duration autoRebalanceAfter;
  /** Since when (nanoTime) each live, eligible node has held no replica, in this controller term. */
  private final Map<Integer, Long> emptySince = new HashMap<>();
  private volatile boolean leader;

  public Controller(int nodeId, MetadataStore meta, ClusterView view, Peers peers, Duration grace,
      int defaultReplication, int defaultMinInSync) {
    this(nodeId, meta, view, peers, grace, defaultReplication, defaultMinInSync, Duration.ZERO);
  }

  /** As above; {@code autoRebalanceAfter} of zero leaves rebalancing to the operator. */
  public Controller(int nodeId, MetadataStore meta, ClusterView view, Peers peers, Duration grace,
      int defaultReplication, int defaultMinInSync, Duration autoRebalanceAfter) {
    this.autoRebalanceAfter = autoRebalanceAfter;
    this.nodeId = nodeId;
    this.meta = meta;
    this.view = view;
    this.peers = peers;
    this.grace = grace;
    this.defaultReplication = defaultReplication;
    this.defaultMinInSync = defaultMinInSync;
    this.moves = new MoveExecutor(meta);
    this.latch = new LeaderLatch(meta.curator(), meta.paths().controller(), String.valueOf(nodeId));
    this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dst-controller-" + nodeId);
      t.setDaemon(true);
      return t;
    });
  }

  public void start() throws Exception {
    latch.addListener(new LeaderLatchListener() {
      @Override
      public void isLeader() {
        leader = true;
        ClusterEvents.info("controller.elected", "node", nodeId);
        exec.execute(() -> {
          primaryGoneSince.clear();
          moves.reset();
          drainedReported.clear();
          stuckReported.clear();
          drainSeen.clear();
          emptySince.clear();
        });
        schedule();
      }

      @Override
      public void notLeader() {
        leader = false;
        log.info("node {} is no longer the cluster controller", nodeId);
      }
    });
    view.onChange(path -> schedule());
    exec.scheduleWithFixedDelay(this::schedule, 250, 250, TimeUnit.MILLISECONDS);
    latch.start();
  }

  public boolean isLeader() {
    return leader;
  }

  private void schedule() {
    if (leader && queued.compareAndSet(false, true)) {
      exec.execute(() -> {
        queued.set(false);
        try {
          reconcile();
        } catch (RuntimeException e) {
          log.warn("controller reconcile failed: {}", e.toString());
        }
      });
    }
  }

  private void reconcile() {
    if (!leader) {
      return;
    }
    Map<Integer, NodeInfo> live = view.liveNodes();
    if (live.isEmpty()) {
      return;
    }
    Map<String, Versioned<TableMeta>> tables = view.tables();
    if (!tables.containsKey(PartitionId.KV_TABLE)) {
      meta.createTable(new TableMeta(KV_SCHEMA, Mutation.KV_PARTITIONS, defaultReplication,
          defaultMinInSync));
      return;
    }
    Set<Integer> draining = view.drainingNodes();
    Map<PartitionId, PartitionMove> requested = view.moves();
    int slots = MAX_CONCURRENT_MOVES;
    for (Map.Entry<PartitionId, PartitionMove> m : requested.entrySet()) {
      var s = view.partition(m.getKey());
      if (s.isPresent() && MoveExecutor.started(m.getValue(), s.get().value())) {
        slots--;
      }
    }
    for (Versioned<TableMeta> t : tables.values()) {
      for (int p = 0; p < t.value().partitions(); p++) {
        PartitionId id = new PartitionId(t.value().name(), p);
        if (reconcilePartition(t.value(), id, live, draining, requested.get(id), slots > 0)) {
          slots--;
        }
      }
    }
    for (PartitionId id : requested.keySet()) {
      Versioned<TableMeta> t = tables.get(id.table());
      if (t == null || id.partition() >= t.value().partitions()) {
        meta.deleteMove(id);
      }
    }
    // After the loop, which may have created partitions; read once for both planners.
    Map<PartitionId, PartitionState> all = view.partitionStates();
    planDrain(all, tables, live, draining, requested);
    planJoin(all, live, draining, requested);
    for (String t : view.partitionTables()) {
      if (!tables.containsKey(t)) {
        log.info("controller: removing partitions of dropped table {}", t);
        meta.deletePartitions(t);
      }
    }
  }

  /** Returns true when it started a move (taking one of the concurrent-move slots). */
  private boolean reconcilePartition(TableMeta t, PartitionId id, Map<Integer, NodeInfo> live,
      Set<Integer> draining, PartitionMove move, boolean mayStartMove) {
    var current = view.partition(id);
    if (current.isEmpty()) {
      assign(t, id, eligible(live, draining));
      return false;
    }
    PartitionState s = current.get().value();
    NodeInfo primary = s.hasPrimary() ? live.get(s.primary()) : null;
    boolean primaryOk = primary != null && primary.incarnation() == s.incarnation();
    if (primaryOk) {
      primaryGoneSince.remove(id);
      if (fillReplicas(t, id, current.get(), live, eligible(live, draining))) {
        return false;
      }
      return move != null && moves.advance(move, current.get(), live, draining, mayStartMove);
    }
    long now = System.nanoTime();
    long since = primaryGoneSince.computeIfAbsent(id, k -> now);
    if (now - since < grace.toNanos()) {
      exec.schedule(this::schedule, grace.toMillis() + 5, TimeUnit.MILLISECONDS);
      return false;
    }
    elect(id, current.get(), live);
    return false;
  }

  /** Live nodes that take new replicas: not draining, unless every live node is. */
  private static Map<Integer, NodeInfo> eligible(Map<Integer, NodeInfo> live,
      Set<Integer> draining) {
    Map<Integer, NodeInfo> out = new LinkedHashMap<>(live);
    out.keySet().removeAll(draining);
    return out.isEmpty() ? live : out;
  }

  /** Requests moves for replicas on draining nodes, and reports nodes that are empty. */
  private void planDrain(Map<PartitionId, PartitionState> all,
      Map<String, Versioned<TableMeta>> tables, Map<Integer, NodeInfo> live,
      Set<Integer> draining, Map<PartitionId, PartitionMove> requested) {
    if (draining.isEmpty()) {
      return;
    }
    Set<Integer> eligible = new java.util.TreeSet<>(live.keySet());
    eligible.removeAll(draining);
    Set<PartitionId> planned = new HashSet<>(requested.keySet());
    ToIntFunction<PartitionId> rf = id -> tables.get(id.table()).value().replicationFactor();
    for (PartitionMove m : RebalancePlanner.drain(all, eligible, draining, requested.keySet(),
        rf)) {
      if (meta.createMove(m)) {
        planned.add(m.partition());
        ClusterEvents.info("partition.move.planned", "table", m.partition().table(), "partition",
            m.partition().partition(), "kind", "replica", "from", m.from(), "to", m.to(),
            "reason", "drain");
      }
    }
    for (int d : draining) {
      List<PartitionId> held = all.entrySet().stream()
          .filter(e -> e.getValue().replicas().contains(d)).map(Map.Entry::getKey).toList();
      if (drainSeen.add(d) && !held.isEmpty()) {
        ClusterEvents.info("node.drain.start", "node", d, "partitions", held.size());
      }
      if (held.isEmpty()) {
        if (drainedReported.add(d)) {
          ClusterEvents.info("node.drain.complete", "node", d, "removable", true);
        }
        continue;
      }
      drainedReported.remove(d);
      for (PartitionId id : held) {
        if (!planned.contains(id) && stuckReported.add(id)) {
          ClusterEvents.warn("node.drain.stuck", "node", d, "table", id.table(), "partition",
              id.partition(), "reason", "no live non-draining node can take its replica");
        }
      }
    }
  }

  /**
   * Rebalances onto nodes that joined: once an eligible node has held no replica for
   * autoRebalanceAfter, and no move is pending, plans and records a rebalance as {@code bin/dst
   * admin rebalance} would. Only empty nodes trigger it, so a node that restarts with its replicas
   * (or flaps) moves nothing.
   */
  private void planJoin(Map<PartitionId, PartitionState> all, Map<Integer, NodeInfo> live,
      Set<Integer> draining, Map<PartitionId, PartitionMove> requested) {
    if (autoRebalanceAfter.isZero() || autoRebalanceAfter.isNegative()) {
      return;
    }
    Set<Integer> eligible = new java.util.TreeSet<>(live.keySet());
    eligible.removeAll(draining);
    Set<Integer> empty = new HashSet<>(eligible);
    all.values().forEach(s -> empty.removeAll(s.replicas()));
    emptySince.keySet().retainAll(empty);
    long now = System.nanoTime();
    boolean due = false;
    for (int n : empty) {
      long since = emptySince.computeIfAbsent(n, k -> now);
      due |= now - since >= autoRebalanceAfter.toNanos();
    }
    if (!due || !requested.isEmpty() || all.isEmpty()) {
      return;
    }
    int recorded = 0;
    for (PartitionMove m : RebalancePlanner.rebalance(all, eligible, requested.keySet())) {
      if (meta.createMove(m)) {
        recorded++;
      }
    }
    if (recorded > 0) {
      ClusterEvents.info("rebalance.auto", "nodes",
          String.join(",", empty.stream().sorted().map(String::valueOf).toList()), "moves", recorded, "after_ms",
          autoRebalanceAfter.toMillis());
    }
    emptySince.clear();
  }

  private void assign(TableMeta t, PartitionId id, Map<Integer, NodeInfo> live) {
    List<Integer> ids = new ArrayList<>(live.keySet());
    int n = Math.min(Math.max(1, t.replicationFactor()), ids.size());
    int first = Math.floorMod(id.table().hashCode() + id.partition(), ids.size());
    List<Integer> replicas = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      replicas.add(ids.get((first + i) % ids.size()));
    }
    int primary = replicas.get(0);
    // The first epoch is the zxid that created the table: a table dropped and created again under
    // the same name starts above every epoch of its predecessor (each epoch change is itself a
    // ZooKeeper write, so it used a smaller zxid), and its replicas refuse the old one's messages.
    long firstEpoch = Math.max(1, view.tableCreation(id.table()).orElse(1));
    PartitionState s = new PartitionState(firstEpoch, primary, live.get(primary).incarnation(),
        replicas, replicas);
    if (meta.createPartition(id, s)) {
      log.info("controller: assigned partition {} to replicas {}, primary {} in epoch {}", id,
          replicas, primary, firstEpoch);
    }
  }

  /**
   * Adds live nodes as new (not yet in-sync) replicas while fewer than the desired count live;
   * true when it changed the configuration.
   */
  private boolean fillReplicas(TableMeta t, PartitionId id, Versioned<PartitionState> v,
      Map<Integer, NodeInfo> live, Map<Integer, NodeInfo> candidates) {
    PartitionState s = v.value();
    long liveReplicas = s.replicas().stream().filter(live::containsKey).count();
    if (liveReplicas >= t.replicationFactor()) {
      return false;
    }
    List<Integer> replicas = new ArrayList<>(s.replicas());
    for (int candidate : candidates.keySet()) {
      if (liveReplicas >= t.replicationFactor()) {
        break;
      }
      if (!replicas.contains(candidate)) {
        replicas.add(candidate);
        liveReplicas++;
      }
    }
    if (replicas.size() > s.replicas().size()
        && meta.casPartition(id, s.withReplicas(replicas), v.version()) >= 0) {
      ClusterEvents.info("partition.replicas.fill", "table", id.table(), "partition",
          id.partition(), "epoch", s.epoch(), "replicas", replicas, "isr", s.isr());
      return true;
    }
    return false;
  }

  private void elect(PartitionId id, Versioned<PartitionState> v, Map<Integer, NodeInfo> live) {
    PartitionState s = v.value();
    List<Integer> candidates = s.isr().stream().filter(live::containsKey).toList();
    if (candidates.isEmpty()) {
      if (s.hasPrimary()) {
        PartitionState offline = new PartitionState(s.epoch(), PartitionState.NO_PRIMARY, 0,
            s.replicas(), s.isr());
        if (meta.casPartition(id, offline, v.version()) >= 0) {
          ClusterEvents.warn("partition.offline", "table", id.table(), "partition",
              id.partition(), "from", s.primary(), "epoch", s.epoch(), "isr", s.isr(), "reason",
              "primary gone and no in-sync replica alive; waiting for one to return");
        }
      }
      return;
    }
    Map<Integer, CompletableFuture<Response>> asks = new HashMap<>();
    for (int c : candidates) {
      asks.put(c, peers.send(c, rid -> new ReplicationRequest.LogEnd(rid, id)));
    }
    int best = -1;
    ReplicaPosition bestPos = null;
    for (int c : candidates) {
      try {
        Response r = asks.get(c).get(1, TimeUnit.SECONDS);
        if (!(r instanceof Response.Ok ok)) {
          continue;
        }
        ReplicaPosition p = ReplicaPosition.decode(ok.body());
        if (p.logEnd() < 0 || p.incarnation() != live.get(c).incarnation()) {
          continue;
        }
        if (bestPos == null || p.lastEpoch() > bestPos.lastEpoch()
            || p.lastEpoch() == bestPos.lastEpoch() && p.logEnd() > bestPos.logEnd()) {
          best = c;
          bestPos = p;
        }
      } catch (Exception e) {
        log.info("controller: in-sync replica {} of {} did not report its log end: {}", c, id,
            e.toString());
      }
    }
    if (best < 0) {
      exec.schedule(this::schedule, 100, TimeUnit.MILLISECONDS);
      return;
    }
    List<Integer> replicas = new ArrayList<>(s.replicas());
    if (!replicas.contains(best)) {
      replicas.add(best);
    }
    PartitionState next = new PartitionState(s.epoch() + 1, best, live.get(best).incarnation(),
        replicas, List.of(best));
    Failpoints.hit("controller.before-promote");
    if (meta.casPartition(id, next, v.version()) >= 0) {
      primaryGoneSince.remove(id);
      ClusterEvents.warn("partition.failover", "table", id.table(), "partition", id.partition(),
          "from", s.hasPrimary() ? s.primary() : "none", "to", best, "epoch", next.epoch(),
          "log_end", bestPos.logEnd(), "last_epoch", bestPos.lastEpoch(), "isr", next.isr());
    }
  }

  @Override
  public void close() {
    leader = false;
    exec.shutdownNow();
    try {
      latch.close();
    } catch (Exception e) {
      log.debug("closing leader latch: {}", e.toString());
    }
  }
}
