package io.dst.node.replication;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.log.ApplyResult;
import io.dst.node.event.ClusterEvents;
import io.dst.node.fail.Failpoints;
import io.dst.node.log.EpochHistory;
import io.dst.node.log.FsyncPolicy;
import io.dst.node.log.LogEntry;
import io.dst.node.log.SegmentedLog;
import io.dst.node.log.SnapshotStore;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.NodeInfo;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.Versioned;
import io.dst.node.protocol.ReplicaPosition;
import io.dst.node.protocol.ReplicationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copy of one partition: its log, epoch history, snapshots and state machine, and its
 * role in the partition's current epoch.
 *
 * <p>Terms. <b>Epoch</b>: the highest partition epoch this replica has seen (from ZooKeeper or from a
 * primary's message); messages from older epochs are refused (rule 2). <b>Commit offset</b>: entries
 * below it are held by every in-sync replica and may be applied. <b>Applied offset</b>: entries below
 * it have been applied to the state machine (applied ≤ commit ≤ log end).
 *
 * <p>As <b>primary</b> it appends each write to its log, ships it to every replica through a {@link
 * FollowerStream}, and completes the write once every member of the in-sync set has appended it
 * (rule 4); it refuses writes while the in-sync set is smaller than the minimum. A replica that stays
 * behind for longer than the lag limit is removed from the in-sync set by a compare-and-set in
 * ZooKeeper before the commit offset may pass it (rule 5); one that has caught up completely is added
 * back (rule 8). As <b>follower</b> it accepts entries from the primary of its epoch, truncates a
 * divergent tail where the primary says (rule 7), and applies entries up to the primary's commit.
 *
 * <p>All mutable state is guarded by this object's monitor.
 */
public final class PartitionReplica implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PartitionReplica.class);

  /** What this replica does in its epoch. */
  public enum Role { FOLLOWER, PRIMARY }

  private final PartitionId id;
  private final ReplicationSettings settings;
  private final PartitionStateMachine machine;
  private final MetadataStore meta;
  private final EpochAuthority authority;
  private final Peers peers;
  private final SegmentedLog entries;
  private final EpochHistory epochs;
  private final SnapshotStore snapshots;

  private Role role = Role.FOLLOWER;
  private long epoch;
  private long commit;
  private long applied;
  private long lastSnapshot;
  private long lastSnapshotEpoch = -1;
  private volatile boolean serving;
  private volatile boolean closed;

  // Primary state.
  private PartitionState config;
  private int configVersion = -1;
  private int minInSync = 1;
  private final Set<Integer> isr = new LinkedHashSet<>();
  private final Map<Integer, FollowerStream> followers = new HashMap<>();
  private final TreeMap<Long, PendingWrite> pending = new TreeMap<>();
  /** The node this primary is handing leadership to (-1: none); it serves nothing meanwhile. */
  private int transferTarget = PartitionState.NO_TRANSFER;
  /** The table's minimum in-sync size as last given to onConfig (capped by replicas on use). */
  private int tableMinInSync = Integer.MAX_VALUE;
  private long transferDeadline;
  private long transferStarted;

  public PartitionReplica(PartitionId id, Path dir, ReplicationSettings settings,
      PartitionStateMachine machine, MetadataStore meta, EpochAuthority authority, Peers peers) {
    this.id = id;
    this.authority = authority;
    this.settings = settings;
    this.machine = machine;
    this.meta = meta;
    this.peers = peers;
    this.snapshots = new SnapshotStore(dir.resolve("snapshots"));
    Optional<SnapshotStore.Snapshot> snap = snapshots.latest();
    snap.ifPresent(s -> {
      machine.restore(s.state());
      applied = s.offset();
      lastSnapshot = s.offset();
      lastSnapshotEpoch = s.lastEpoch();
    });
    this.commit = applied;
    this.entries = SegmentedLog.open(dir.resolve("log"), applied, settings.segmentBytes());
    this.epochs = EpochHistory.open(dir);
    this.epoch = Math.max(epochs.latestEpoch(), lastSnapshotEpoch);
    if (applied > 0 || entries.end() > 0) {
      log.info("partition {}: recovered snapshot at {}, log [{}, {}), last epoch {}", id, applied,
          entries.start(), entries.end(), epoch);
    } else {
      log.debug("partition {}: opened empty", id);
    }
  }

  public PartitionId id() {
    return id;
  }

  public synchronized Role role() {
    return role;
  }

  public synchronized long epoch() {
    return epoch;
  }

  public synchronized long commitOffset() {
    return commit;
  }

  public synchronized long appliedOffset() {
    return applied;
  }

  public synchronized long logEnd() {
    return entries.end();
  }

  public synchronized List<Integer> inSyncReplicas() {
    return List.copyOf(isr);
  }

  public synchronized ReplicaPosition position() {
    return new ReplicaPosition(lastEntryEpoch(), entries.end(), entries.start(),
        settings.incarnation());
  }

  private long lastEntryEpoch() {
    return entries.end() > entries.start() ? entries.lastEpoch() : lastSnapshotEpoch;
  }

  /**
   * How many replicas the partition's configuration lists, as this replica last adopted it as
   * primary (0 on a replica that has not been primary). For metrics.
   */
  public synchronized int replicaCount() {
    return config == null ? 0 : config.replicas().size();
  }

  /**
   * On a primary, how many log entries follower {@code node} is behind this log end as last
   * acknowledged in this epoch; -1 when this replica is not primary, does not stream to that node,
   * or has no acknowledgement from it yet. For metrics.
   */
  public synchronized long followerLag(int node) {
    FollowerStream f = role == Role.PRIMARY ? followers.get(node) : null;
    return f == null || f.match < 0 ? -1 : Math.max(0, entries.end() - f.match);
  }

  /** The nodes this replica streams its log to while primary (empty on a follower). For metrics. */
  public synchronized java.util.Set<Integer> followerNodes() {
    return role == Role.PRIMARY ? java.util.Set.copyOf(followers.keySet()) : java.util.Set.of();
  }

  /** Whether this replica may answer reads and writes now: primary, lease held, not closed. */
  public boolean isServing() {
    return serving;
  }

  // ---------------------------------------------------------------- configuration from ZooKeeper

  /**
   * Adopts the partition's configuration from ZooKeeper. Becomes primary when named primary with
   * this process's incarnation in a epoch not older than its own; otherwise follows.
   */
  public synchronized void onConfig(Versioned<PartitionState> v, int tableMinInSync,
      boolean leaseHeld) {
    if (closed) {
      return;
    }
    PartitionState s = v.value();
    if (s.epoch() < epoch) {
      return;
    }
    this.tableMinInSync = tableMinInSync;
    boolean mine = s.primary() == settings.nodeId() && s.incarnation() == settings.incarnation();
    int effectiveMin = Math.max(1, Math.min(tableMinInSync, s.replicas().size()));
    if (mine) {
      if (role == Role.PRIMARY && s.epoch() == epoch) {
        adoptConfig(v, effectiveMin);
      } else {
        becomePrimary(v, effectiveMin);
      }
      serving = leaseHeld;
      followTransferRequest();
      return;
    }
    if (role == Role.PRIMARY) {
      stepDown("ZooKeeper names " + (s.hasPrimary() ? "node " + s.primary() : "no primary")
          + " in epoch " + s.epoch());
    }
    epoch = s.epoch();
  }

  private void becomePrimary(Versioned<PartitionState> v, int effectiveMin) {
    PartitionState s = v.value();
    epoch = s.epoch();
    role = Role.PRIMARY;
    epochs.assign(epoch, entries.end());
    isr.clear();
    isr.addAll(s.isr());
    isr.add(settings.nodeId());
    config = s;
    configVersion = v.version();
    minInSync = effectiveMin;
    followers.values().forEach(FollowerStream::stop);
    followers.clear();
    for (int r : s.replicas()) {
      if (r != settings.nodeId()) {
        followers.put(r, new FollowerStream(r));
      }
    }
    log.info("partition {}: now primary in epoch {} at log end {} (commit {}), in-sync {}, "
        + "replicas {}, min in-sync {}", id, epoch, entries.end(), commit, isr, s.replicas(),
        minInSync);
    advanceCommit();
    followers.values().forEach(FollowerStream::pump);
  }

  private void adoptConfig(Versioned<PartitionState> v, int effectiveMin) {
    if (v.version() <= configVersion) {
      return;
    }
    PartitionState s = v.value();
    config = s;
    configVersion = v.version();
    minInSync = effectiveMin;
    isr.retainAll(s.isr());
    isr.add(settings.nodeId());
    for (int r : s.replicas()) {
      if (r != settings.nodeId() && !followers.containsKey(r)) {
        followers.put(r, new FollowerStream(r));
      }
    }
    followers.keySet().removeIf(r -> {
      boolean gone = !s.replicas().contains(r);
      if (gone) {
        followers.get(r).stop();
      }
      return gone;
    });
    advanceCommit();
    followers.values().forEach(FollowerStream::pump);
  }

  /** Called when the ZooKeeper session is suspended or restored: the primary's lease (rule 3). */
  public synchronized void onLease(boolean held) {
    serving = held && role == Role.PRIMARY && !closed;
  }

  private void stepDown(String reason) {
    if (closed || reason.contains("closing")) {
      log.info("partition {}: stepping down as primary of epoch {}: {}", id, epoch, reason);
    } else {
      log.warn("partition {}: stepping down as primary of epoch {}: {}", id, epoch, reason);
    }
    role = Role.FOLLOWER;
    serving = false;
    transferTarget = PartitionState.NO_TRANSFER;
    followers.values().forEach(FollowerStream::stop);
    followers.clear();
    isr.clear();
    // UNAVAILABLE, not NOT_PRIMARY: the entry is in the log and may yet commit, so a blind retry
    // could apply it twice.
    DstException e = new DstException(ErrorCode.UNAVAILABLE,
        "partition " + id + " changed primary before this write was confirmed (" + reason
            + "); it may or may not have been applied");
    pending.values().forEach(w -> w.result().completeExceptionally(e));
    pending.clear();
  }

  // ------------------------------------------------------------------------------ primary: writes

  /**
   * Appends a write and returns a future that completes once every in-sync replica holds it and
   * it is applied. Refuses with NOT_PRIMARY / STALE_EPOCH when the caller's epoch or this replica's
   * role does not match, and with NOT_ENOUGH_REPLICAS below the minimum in-sync size.
   */
  public CompletableFuture<ApplyResult> write(long clientEpoch, byte[] entry) {
    return write(clientEpoch, entry, null);
  }

  /**
   * As {@link #write(long, byte[])}, for a caller that also holds the entry {@code decoded} (what
   * it encoded): this replica applies that instead of decoding its own entry again.
   */
  public synchronized CompletableFuture<ApplyResult> write(long clientEpoch, byte[] entry,
      Object decoded) {
    checkServing(clientEpoch);
    if (isr.size() < minInSync) {
      throw new DstException(ErrorCode.NOT_ENOUGH_REPLICAS,
          "partition " + id + " has " + isr.size() + " in-sync replica(s) " + isr + " but needs "
              + minInSync + " to accept writes; retry when replicas have caught up");
    }
    Failpoints.hit("log.before-append");
    long offset = entries.append(epoch, entry);
    // Appended locally but not yet shipped: a crash here is the classic unreplicated-tail case.
    Failpoints.hit("log.after-append");
    CompletableFuture<ApplyResult> f = new CompletableFuture<>();
    pending.put(offset, new PendingWrite(f, decoded));
    for (FollowerStream s : followers.values()) {
      s.pump();
    }
    advanceCommit();
    return f;
  }

  /** Checks that a read or write from a client routed by {@code clientEpoch} may be served here. */
  public synchronized void checkServing(long clientEpoch) {
    if (role != Role.PRIMARY || !serving) {
      throw new DstException(ErrorCode.NOT_PRIMARY, "this node is not serving as primary of "
          + "partition " + id + (role == Role.PRIMARY ? " (its ZooKeeper lease is suspended)" : ""));
    }
    if (transferTarget != PartitionState.NO_TRANSFER) {
      // Refused before anything is appended, so the client may retry it at the new primary.
      throw new DstException(ErrorCode.NOT_PRIMARY, "partition " + id + " is handing its "
          + "primary role to node " + transferTarget + "; retry there");
    }
    if (clientEpoch >= 0 && clientEpoch != epoch) {
      if (clientEpoch < epoch) {
        throw new DstException(ErrorCode.STALE_EPOCH, "partition " + id + " is in epoch " + epoch
            + " but the request was routed for epoch " + clientEpoch + "; refresh the metadata");
      }
      throw new DstException(ErrorCode.NOT_PRIMARY, "partition " + id + ": this node is in epoch "
          + epoch + ", behind the request's epoch " + clientEpoch);
    }
  }

  private void advanceCommit() {
    if (role != Role.PRIMARY) {
      return;
    }
    long c = entries.end();
    for (int r : isr) {
      if (r != settings.nodeId()) {
        FollowerStream f = followers.get(r);
        c = Math.min(c, f == null ? -1 : f.match);
      }
    }
    if (c > commit) {
      // Acknowledged writes are in this replica's file too, written once per round, not per entry.
      if (settings.fsync().mode() == FsyncPolicy.Mode.ALWAYS) {
        entries.force();
      } else {
        entries.writeOut();
      }
      commit = c;
      applyCommitted();
    }
  }

  private void applyCommitted() {
    while (applied < commit) {
      LogEntry e = entries.get(applied);
      PendingWrite w = pending.remove(e.offset());
      ApplyResult r;
      try {
        r = w == null ? machine.apply(e.payload()) : machine.apply(e.payload(), w.decoded());
      } catch (DstException ex) {
        r = ApplyResult.failed(ex);
      }
      applied++;
      if (w != null) {
        w.result().complete(r);
      }
    }
    maybeSnapshot();
  }

  private void maybeSnapshot() {
    if (applied - lastSnapshot < settings.snapshotEvery() || applied <= entries.start()) {
      return;
    }
    long lastEpoch = entries.get(applied - 1).epoch();
    snapshots.save(new SnapshotStore.Snapshot(applied, lastEpoch, machine.snapshot()));
    lastSnapshot = applied;
    lastSnapshotEpoch = lastEpoch;
    entries.deleteBefore(applied);
    log.debug("partition {}: snapshot at offset {} (epoch {}); log now starts at {}", id, applied,
        lastEpoch, entries.start());
  }

  /** Periodic work of a primary: retries, heartbeats, and removing replicas that lag. */
  public synchronized void tick(long nowNanos) {
    if (role != Role.PRIMARY || closed) {
      return;
    }
    for (FollowerStream f : new ArrayList<>(followers.values())) {
      f.tick(nowNanos);
    }
    if (role == Role.PRIMARY && transferTarget != PartitionState.NO_TRANSFER) {
      tryTransfer(nowNanos);
    }
  }

  // ------------------------------------------------------------------- primary: leader transfer

  /**
   * Starts or cancels a leader transfer as the configuration asks. While transferring, the primary
   * refuses new reads and writes (NOT_PRIMARY, safe to retry), lets the pending ones commit, and
   * hands over once the target holds and has applied everything; see {@link #tryTransfer}.
   */
  private void followTransferRequest() {
    if (role != Role.PRIMARY) {
      return;
    }
    int wanted = config.transferTo();
    if (wanted == transferTarget) {
      return;
    }
    transferTarget = wanted;
    if (wanted != PartitionState.NO_TRANSFER) {
      transferStarted = System.nanoTime();
      transferDeadline = transferStarted + Math.max(settings.replicaLag().toNanos() * 4,
          2_000_000_000L);
      ClusterEvents.info("leader.transfer.start", "table", id.table(), "partition",
          id.partition(), "from", settings.nodeId(), "to", wanted, "epoch", epoch,
          "log_end", entries.end());
    }
  }

  /**
   * Hands the primary role to the transfer target in the next epoch once nothing is pending, every
   * in-sync replica holds the whole log (commit = log end) and the target has been told that commit
   * offset (so it has applied everything acknowledged and can serve reads at once). The new
   * configuration keeps the in-sync set: every member holds the whole log. Gives up (and serves
   * again) after a deadline, e.g. when the target stopped answering.
   */
  private void tryTransfer(long now) {
    int target = transferTarget;
    FollowerStream f = followers.get(target);
    if (now > transferDeadline || f == null || !isr.contains(target)) {
      abortTransfer(f == null ? "node " + target + " is not a replica"
          : !isr.contains(target) ? "node " + target + " is not in sync"
          : "node " + target + " did not catch up in time");
      return;
    }
    long end = entries.end();
    if (!pending.isEmpty() || commit < end || f.match < end || f.ackedCommit < end) {
      return;
    }
    NodeInfo n = meta.liveNodes().get(target);
    if (n == null) {
      abortTransfer("node " + target + " is not live");
      return;
    }
    PartitionState next = new PartitionState(epoch + 1, target, n.incarnation(), config.replicas(),
        List.copyOf(isr));
    int v = meta.casPartition(id, next, configVersion);
    if (v < 0) {
      Optional<Versioned<PartitionState>> now2 = meta.partition(id);
      if (now2.isEmpty() || now2.get().value().epoch() != epoch
          || now2.get().value().primary() != settings.nodeId()) {
        stepDown("its configuration changed in ZooKeeper during a leader transfer");
      }
      // Otherwise the newer configuration reaches onConfig, which re-checks the request.
      return;
    }
    ClusterEvents.info("leader.transfer.complete", "table", id.table(), "partition",
        id.partition(), "from", settings.nodeId(), "to", target, "epoch", next.epoch(),
        "log_end", end, "took_ms", (System.nanoTime() - transferStarted) / 1_000_000);
    // Nothing is pending, so stepping down fails no write; the new epoch arrives via ZooKeeper.
    role = Role.FOLLOWER;
    serving = false;
    transferTarget = PartitionState.NO_TRANSFER;
    followers.values().forEach(FollowerStream::stop);
    followers.clear();
    isr.clear();
  }

  private void abortTransfer(String why) {
    ClusterEvents.warn("leader.transfer.abort", "table", id.table(), "partition", id.partition(),
        "from", settings.nodeId(), "to", transferTarget, "epoch", epoch, "reason", why);
    PartitionState cleared = config.withTransferTo(PartitionState.NO_TRANSFER);
    int v = meta.casPartition(id, cleared, configVersion);
    if (v >= 0) {
      config = cleared;
      configVersion = v;
      transferTarget = PartitionState.NO_TRANSFER;
    } else {
      Optional<Versioned<PartitionState>> now = meta.partition(id);
      if (now.isEmpty() || now.get().value().epoch() != epoch
          || now.get().value().primary() != settings.nodeId()) {
        stepDown("its configuration changed in ZooKeeper during a leader transfer");
      } else {
        // Serve again even if the request is still there: the controller may ask once more.
        transferTarget = PartitionState.NO_TRANSFER;
      }
    }
  }

  /** Forces the log to disk (the INTERVAL fsync policy's flusher calls this). */
  public void force() {
    if (!closed) {
      entries.force();
    }
  }

  private boolean changeIsr(Set<Integer> newIsr, String why) {
    List<Integer> ordered = new ArrayList<>(newIsr);
    PartitionState next = config.withIsr(ordered);
    Failpoints.hit("isr.before-cas");
    int v = meta.casPartition(id, next, configVersion);
    Failpoints.hit("isr.after-cas");
    if (v < 0) {
      Optional<Versioned<PartitionState>> now = meta.partition(id);
      if (now.isEmpty() || now.get().value().epoch() != epoch
          || now.get().value().primary() != settings.nodeId()) {
        stepDown("its configuration changed in ZooKeeper while it tried to " + why);
      } else {
        // Adopted whole, as onConfig would (streams for added replicas, the minimum in-sync
        // size), so the retry uses the current version at once. Adopting only config and version
        // once left a replica added meanwhile without a stream; not adopting at all made every
        // retry fail its CAS until the watch arrived, which starved writes under ISR churn.
        Versioned<PartitionState> latest = now.get();
        adoptConfig(latest, Math.max(1, Math.min(tableMinInSync, latest.value().replicas().size())));
        log.info("partition {}: in-sync set change ({}) lost a race; will retry", id, why);
      }
      return false;
    }
    config = next;
    configVersion = v;
    isr.clear();
    isr.addAll(ordered);
    return true;
  }

  // ---------------------------------------------------------------------- follower: requests

  /** A primary of {@code primaryEpoch} opens its stream to this replica. */
  public synchronized ReplicaPosition onHandshake(ReplicationRequest.Handshake h) {
    acceptEpoch(h.epoch(), h.primaryId());
    return position();
  }

  /** Entries from the primary; see {@link ReplicationRequest.Append}. */
  public synchronized ReplicaPosition onAppend(ReplicationRequest.Append a) {
    acceptEpoch(a.epoch(), -1);
    long from = a.from();
    List<ReplicationRequest.EntryData> batch = a.entries();
    if (from > entries.end()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "partition " + id + ": append from "
          + from + " leaves a gap after log end " + entries.end());
    }
    if (from < applied) {
      // Entries below the applied offset are committed, so identical to the primary's: skip them.
      int skip = (int) Math.min(batch.size(), applied - from);
      batch = batch.subList(skip, batch.size());
      from += skip;
    }
    if (from < entries.end() && from >= applied) {
      log.info("partition {}: truncating divergent tail [{}, {}) at the epoch {} primary's request",
          id, from, entries.end(), a.epoch());
      entries.truncate(from);
      epochs.truncateFromEnd(from);
    }
    if (from == entries.end()) {
      for (ReplicationRequest.EntryData e : batch) {
        if (e.epoch() > epochs.latestEpoch()) {
          epochs.assign(e.epoch(), entries.end());
        }
        entries.append(e.epoch(), e.payload());
      }
      // Appended but not yet acknowledged (nor forced): the primary must not count this replica yet.
      // Only for real entries, so that a failpoint does not fire on every empty heartbeat.
      if (!batch.isEmpty()) {
        Failpoints.hit("replica.before-ack");
      }
      if (!batch.isEmpty()) {
        // In the file before the acknowledgement: one write for the whole batch.
        if (settings.fsync().mode() == FsyncPolicy.Mode.ALWAYS) {
          entries.force();
        } else {
          entries.writeOut();
        }
      }
    }
    long c = Math.min(a.commit(), entries.end());
    if (c > commit) {
      commit = c;
      applyCommitted();
    }
    // Everything done but the answer: a crash here loses only the acknowledgement, not the entries.
    if (!a.entries().isEmpty()) {
      Failpoints.hit("replica.after-ack");
    }
    return position();
  }

  /** Replaces state and log with the primary's snapshot. */
  public synchronized ReplicaPosition onInstallSnapshot(ReplicationRequest.InstallSnapshot s) {
    acceptEpoch(s.epoch(), -1);
    if (s.offset() <= applied) {
      return position();
    }
    log.info("partition {}: installing the epoch {} primary's snapshot at offset {} (was at {})",
        id, s.epoch(), s.offset(), applied);
    machine.restore(s.state());
    Failpoints.hit("snapshot.before-install");
    snapshots.save(new SnapshotStore.Snapshot(s.offset(), s.lastEpoch(), s.state()));
    entries.resetTo(s.offset());
    epochs.reset(s.lastEpoch(), s.offset());
    applied = s.offset();
    commit = s.offset();
    lastSnapshot = s.offset();
    lastSnapshotEpoch = s.lastEpoch();
    return position();
  }

  private void acceptEpoch(long messageEpoch, int primaryId) {
    if (closed) {
      throw new DstException(ErrorCode.UNAVAILABLE, "partition " + id + " is closing");
    }
    if (messageEpoch < epoch || messageEpoch == epoch && role == Role.PRIMARY) {
      throw new DstException(ErrorCode.STALE_EPOCH, "partition " + id + " is in epoch " + epoch
          + "; refusing a primary's message from epoch " + messageEpoch);
    }
    if (messageEpoch > epoch) {
      confirmEpoch(messageEpoch, primaryId);
      if (role == Role.PRIMARY) {
        stepDown("a primary of the newer epoch " + messageEpoch + " contacted it");
      }
      log.info("partition {}: following {} in epoch {}",
          id, primaryId >= 0 ? "node " + primaryId : "the primary", messageEpoch);
      epoch = messageEpoch;
    }
  }

  /**
   * A newer epoch is adopted only once the {@link EpochAuthority} (ZooKeeper) holds exactly that
   * epoch. The controller writes a new epoch before the new primary contacts anyone, so a real
   * primary always passes; a forged or garbled frame would otherwise demote a healthy primary and
   * fence out every later real epoch. The check runs once per epoch change, not per append.
   */
  private void confirmEpoch(long messageEpoch, int primaryId) {
    Optional<String> refuted = authority.refute(id, messageEpoch, primaryId);
    if (refuted.isPresent()) {
      log.warn("partition {}: refused a primary's message claiming epoch {}{}: ZooKeeper has {}",
          id, messageEpoch, primaryId >= 0 ? " for node " + primaryId : "", refuted.get());
      throw new DstException(ErrorCode.STALE_EPOCH, "partition " + id + ": epoch " + messageEpoch
          + (primaryId >= 0 ? " with primary node " + primaryId : "")
          + " is not the configuration in ZooKeeper (" + refuted.get() + ")");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    if (role == Role.PRIMARY) {
      stepDown("the replica is closing");
    }
    closed = true;
    serving = false;
    entries.close();
  }

  // ------------------------------------------------------------------------ primary: streams

  /**
   * The primary's stream of log entries to one replica. It opens with a handshake, in which the
   * replica reports its log end and last epoch and the primary picks the offset to continue from
   * (the end of that epoch in its own history: rule 7), then keeps at most one APPEND in flight.
   * <b>match</b> is the replica's log end as last confirmed in this epoch (-1 before the
   * handshake); <b>caughtUp</b> the last time the replica held everything the primary had.
   */
  /** A write this primary appended and has not answered: its result, and the entry decoded. */
  private record PendingWrite(CompletableFuture<ApplyResult> result, Object decoded) {}

  private final class FollowerStream {
    final int node;
    boolean handshaken;
    boolean inFlight;
    boolean stopped;
    long next;
    long match = -1;
    long incarnation;
    long sentAt;
    long retryAt;
    long caughtUp = System.nanoTime();
    /** The commit offset in the last append the replica confirmed (what it knows to apply). */
    long ackedCommit = -1;

    FollowerStream(int node) {
      this.node = node;
    }

    void stop() {
      stopped = true;
    }

    void pump() {
      if (stopped || inFlight || role != Role.PRIMARY) {
        return;
      }
      long now = System.nanoTime();
      if (!handshaken) {
        if (now >= retryAt) {
          handshake();
        }
        return;
      }
      if (next < entries.start()) {
        sendSnapshot();
      } else if (next < entries.end() || match < commit
          || node == transferTarget && ackedCommit < commit
          || now - sentAt > settings.heartbeat().toNanos()) {
        sendAppend();
      }
    }

    void tick(long now) {
      if (stopped) {
        return;
      }
      if (match >= entries.end()) {
        caughtUp = now;
      } else if (isr.contains(node) && now - caughtUp > settings.replicaLag().toNanos()) {
        Set<Integer> smaller = new LinkedHashSet<>(isr);
        smaller.remove(node);
        if (changeIsr(smaller, "remove lagging replica " + node)) {
          ClusterEvents.warn("isr.shrink", "table", id.table(), "partition", id.partition(),
              "node", node, "epoch", epoch, "reason", "lagging", "behind_ms",
              (now - caughtUp) / 1_000_000, "replica_end", match, "log_end", entries.end(),
              "isr", isr);
          advanceCommit();
        }
        if (role != Role.PRIMARY) {
          return;
        }
      }
      pump();
    }

    private void handshake() {
      inFlight = true;
      sentAt = System.nanoTime();
      long e = epoch;
      peers.send(node, rid -> new ReplicationRequest.Handshake(rid, id, e, settings.nodeId()))
          .whenComplete((r, err) -> onHandshake(e, r, err));
    }

    private void onHandshake(long sentEpoch, io.dst.node.protocol.Response r, Throwable err) {
      synchronized (PartitionReplica.this) {
        inFlight = false;
        if (stopped || epoch != sentEpoch || role != Role.PRIMARY) {
          return;
        }
        ReplicaPosition p = positionOf(r, err, "handshake");
        if (p == null) {
          return;
        }
        if (incarnation != 0 && p.incarnation() != incarnation && isr.contains(node)) {
          // It restarted and may have lost unflushed entries: it must earn its place again.
          Set<Integer> smaller = new LinkedHashSet<>(isr);
          smaller.remove(node);
          if (!changeIsr(smaller, "remove restarted replica " + node)) {
            return;
          }
          ClusterEvents.warn("isr.shrink", "table", id.table(), "partition", id.partition(),
              "node", node, "epoch", epoch, "reason", "restarted", "isr", isr);
        }
        incarnation = p.incarnation();
        // Below this offset its log matches ours; if that is below our log start, pump() sends a
        // snapshot instead of entries.
        long keep = Math.min(p.logEnd(), epochs.endOffsetFor(p.lastEpoch(), entries.end()));
        next = keep;
        match = keep;
        handshaken = true;
        if (keep < p.logEnd()) {
          log.info("partition {} epoch {}: node {} must cut its log from {} to {} (its last epoch "
              + "{} ends there here)", id, epoch, node, p.logEnd(), keep, p.lastEpoch());
        } else {
          log.debug("partition {} epoch {}: stream to node {} opened at offset {}", id, epoch, node,
              keep);
        }
        advanceCommit();
        pump();
      }
    }

    private void sendAppend() {
      List<LogEntry> batch = entries.read(next, settings.maxBatch());
      List<ReplicationRequest.EntryData> data = new ArrayList<>(batch.size());
      for (LogEntry e : batch) {
        data.add(new ReplicationRequest.EntryData(e.epoch(), e.payload()));
      }
      inFlight = true;
      sentAt = System.nanoTime();
      long sentEnd = entries.end();
      long sentAtNanos = sentAt;
      long e = epoch;
      long from = next;
      long c = commit;
      peers.send(node, rid -> new ReplicationRequest.Append(rid, id, e, from, c, data))
          .whenComplete((r, err) -> onAppended(e, sentEnd, sentAtNanos, c, r, err));
    }

    private void sendSnapshot() {
      long offset = applied;
      long lastEpoch = offset > entries.start() ? entries.get(offset - 1).epoch()
          : lastSnapshotEpoch;
      byte[] state = machine.snapshot();
      inFlight = true;
      sentAt = System.nanoTime();
      long e = epoch;
      long sentAtNanos = sentAt;
      log.info("partition {} epoch {}: node {} needs offset {} below the log start {}; sending a "
          + "snapshot at {} ({} bytes)", id, epoch, node, next, entries.start(), offset,
          state.length);
      peers.send(node, rid -> new ReplicationRequest.InstallSnapshot(rid, id, e, offset, lastEpoch,
          state)).whenComplete((r, err) -> onAppended(e, offset, sentAtNanos, offset, r, err));
    }

    private void onAppended(long sentEpoch, long sentEnd, long sentAtNanos, long sentCommit,
        io.dst.node.protocol.Response r, Throwable err) {
      synchronized (PartitionReplica.this) {
        inFlight = false;
        if (stopped || epoch != sentEpoch || role != Role.PRIMARY) {
          return;
        }
        ReplicaPosition p = positionOf(r, err, "append");
        if (p == null) {
          return;
        }
        match = p.logEnd();
        next = p.logEnd();
        ackedCommit = Math.max(ackedCommit, Math.min(sentCommit, p.logEnd()));
        if (p.logEnd() >= sentEnd) {
          caughtUp = Math.max(caughtUp, sentAtNanos);
        }
        if (!isr.contains(node) && match >= entries.end() && config.replicas().contains(node)) {
          Set<Integer> larger = new LinkedHashSet<>(isr);
          larger.add(node);
          if (changeIsr(larger, "add caught-up replica " + node)) {
            caughtUp = System.nanoTime();
            ClusterEvents.info("isr.expand", "table", id.table(), "partition", id.partition(),
                "node", node, "epoch", epoch, "log_end", match, "isr", isr);
          }
          if (role != Role.PRIMARY) {
            return;
          }
        }
        advanceCommit();
        pump();
      }
    }

    /** The replica's position from a response, or null after a failure (then re-handshake). */
    private ReplicaPosition positionOf(io.dst.node.protocol.Response r, Throwable err, String what) {
      String failure = null;
      if (err != null) {
        failure = err.getMessage();
      } else if (r instanceof io.dst.node.protocol.Response.Error e) {
        failure = e.code() + ": " + e.message();
      }
      if (failure == null) {
        return ReplicaPosition.decode(((io.dst.node.protocol.Response.Ok) r).body());
      }
      if (handshaken || log.isDebugEnabled()) {
        log.info("partition {} epoch {}: {} to node {} failed: {}", id, epoch, what, node, failure);
      }
      handshaken = false;
      retryAt = System.nanoTime() + settings.retryBackoff().toNanos();
      return null;
    }
  }
}
