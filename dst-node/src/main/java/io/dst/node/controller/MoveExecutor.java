package io.dst.node.controller;

import io.dst.engine.PartitionId;
import io.dst.node.event.ClusterEvents;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.NodeInfo;
import io.dst.node.meta.PartitionMove;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.Versioned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives requested partition moves one step per call, each step a compare-and-set on the
 * partition's znode. Which step is next is read from the partition's configuration alone (target
 * not yet a replica; a replica not yet in sync; in sync while the source is still primary; ready to
 * drop the source), so a controller elected in the middle of a move simply continues it.
 */
final class MoveExecutor {
  private static final Logger log = LoggerFactory.getLogger(MoveExecutor.class);
  private final MetadataStore meta;
  /** Moves whose catch-up was already reported (only to log it once per controller term). */
  private final Set<PartitionId> caughtUpReported = new HashSet<>();

  MoveExecutor(MetadataStore meta) {
    this.meta = meta;
  }

  void reset() {
    caughtUpReported.clear();
  }

  /** Whether the move holds one of the concurrent-move slots (its target is being filled). */
  static boolean started(PartitionMove m, PartitionState s) {
    return m.kind() == PartitionMove.Kind.REPLICA && s.replicas().contains(m.to())
        && s.replicas().contains(m.from());
  }

  /**
   * Takes the next step of {@code m} on a partition whose primary is alive. {@code mayStart} says
   * whether a not yet started move may start now (the controller limits concurrent moves).
   * Returns true when this call started the move.
   */
  boolean advance(PartitionMove m, Versioned<PartitionState> v, Map<Integer, NodeInfo> live,
      Set<Integer> draining, boolean mayStart) {
    if (m.kind() == PartitionMove.Kind.LEADER) {
      advanceLeader(m, v, live, draining);
      return false;
    }
    return advanceReplica(m, v, live, draining, mayStart);
  }

  private void advanceLeader(PartitionMove m, Versioned<PartitionState> v,
      Map<Integer, NodeInfo> live, Set<Integer> draining) {
    PartitionState s = v.value();
    if (s.primary() != m.from()) {
      finish(m, s, s.primary() == m.to() ? null : "node " + m.from() + " is no longer primary");
      return;
    }
    if (!live.containsKey(m.to()) || draining.contains(m.to()) || !s.replicas().contains(m.to())) {
      finish(m, s, "node " + m.to() + " is not a live replica");
      return;
    }
    if (s.isr().contains(m.to())) {
      requestTransfer(m, v, m.to());
    }
  }

  private boolean advanceReplica(PartitionMove m, Versioned<PartitionState> v,
      Map<Integer, NodeInfo> live, Set<Integer> draining, boolean mayStart) {
    PartitionState s = v.value();
    PartitionId id = m.partition();
    boolean hasTo = s.replicas().contains(m.to());
    if (!s.replicas().contains(m.from())) {
      finish(m, s, hasTo ? null : "node " + m.from() + " no longer holds it");
      return false;
    }
    if (!live.containsKey(m.to()) || draining.contains(m.to())) {
      if (hasTo && !s.isr().contains(m.to()) && s.primary() != m.to()) {
        meta.casPartition(id, s.withReplicas(without(s.replicas(), m.to())), v.version());
      }
      finish(m, s, "node " + m.to() + (draining.contains(m.to()) ? " is draining" : " is down"));
      return false;
    }
    if (!hasTo) {
      if (!mayStart) {
        return false;
      }
      List<Integer> replicas = new ArrayList<>(s.replicas());
      replicas.add(m.to());
      if (meta.casPartition(id, s.withReplicas(replicas), v.version()) >= 0) {
        ClusterEvents.info("partition.move.start", "table", id.table(), "partition",
            id.partition(), "from", m.from(), "to", m.to(), "epoch", s.epoch(), "primary",
            s.primary(), "replicas", replicas);
        return true;
      }
      return false;
    }
    if (!s.isr().contains(m.to())) {
      return false;
    }
    if (caughtUpReported.add(id)) {
      ClusterEvents.info("partition.move.caught-up", "table", id.table(), "partition",
          id.partition(), "from", m.from(), "to", m.to(), "epoch", s.epoch(), "isr", s.isr());
    }
    int leader = leaderAfter(m, s, live);
    if (s.primary() != leader) {
      requestTransfer(m, v, leader);
      return false;
    }
    PartitionState next = new PartitionState(s.epoch(), s.primary(), s.incarnation(),
        without(s.replicas(), m.from()), without(s.isr(), m.from()),
        s.transferTo() == m.from() ? PartitionState.NO_TRANSFER : s.transferTo());
    if (meta.casPartition(id, next, v.version()) >= 0) {
      finish(m, next, null);
    }
    return false;
  }

  /**
   * Who should lead once the source is gone: the move's chosen leader when it is a live in-sync
   * replica other than the source; else the current primary, unless that is the source, in which
   * case the target (in sync by now).
   */
  private static int leaderAfter(PartitionMove m, PartitionState s, Map<Integer, NodeInfo> live) {
    int wanted = m.leader();
    if (wanted != PartitionMove.DEFAULT_LEADER && wanted != m.from() && s.isr().contains(wanted)
        && live.containsKey(wanted)) {
      return wanted;
    }
    return s.primary() == m.from() ? m.to() : s.primary();
  }

  private void requestTransfer(PartitionMove m, Versioned<PartitionState> v, int to) {
    PartitionState s = v.value();
    if (s.transferTo() == to) {
      return;
    }
    // Logged before the CAS: once it lands the primary may log its reaction at once.
    ClusterEvents.info("leader.transfer.request", "table", m.partition().table(), "partition",
        m.partition().partition(), "from", s.primary(), "to", to, "epoch", s.epoch());
    if (meta.casPartition(m.partition(), s.withTransferTo(to), v.version()) < 0) {
      log.debug("transfer request for {} lost a race; retrying on the next pass", m.partition());
    }
  }

  /** Ends a move: completed when {@code abortReason} is null. */
  private void finish(PartitionMove m, PartitionState s, String abortReason) {
    caughtUpReported.remove(m.partition());
    PartitionId id = m.partition();
    if (abortReason == null) {
      ClusterEvents.info("partition.move.complete", "table", id.table(), "partition",
          id.partition(), "kind", m.kind().name().toLowerCase(), "from", m.from(), "to", m.to(),
          "epoch", s.epoch(), "primary", s.primary(), "replicas", s.replicas());
    } else {
      ClusterEvents.warn("partition.move.abort", "table", id.table(), "partition",
          id.partition(), "kind", m.kind().name().toLowerCase(), "from", m.from(), "to", m.to(),
          "epoch", s.epoch(), "reason", abortReason);
    }
    // After the event: the configuration change already happened, and a controller stopped
    // here leaves the record for its successor, which finishes it again.
    meta.deleteMove(m.partition());
  }

  private static List<Integer> without(List<Integer> ids, int node) {
    List<Integer> out = new ArrayList<>(ids);
    out.remove(Integer.valueOf(node));
    return out;
  }
}
