package io.dst.node.controller;

import io.dst.engine.PartitionId;
import io.dst.node.meta.PartitionMove;
import io.dst.node.meta.PartitionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Plans partition moves from a snapshot of the partitions' configurations, without side effects.
 * {@link #rebalance} evens out replicas per node (to within one) and then primaries per node, each
 * partition moved at most once per plan; {@link #drain} moves every replica off draining nodes to
 * the least loaded eligible nodes. Eligible nodes are live and not draining; replicas on other nodes
 * (down, draining) are left where they are.
 */
public final class RebalancePlanner {
  private final Map<PartitionId, List<Integer>> replicas = new LinkedHashMap<>();
  private final Map<PartitionId, Integer> primaries = new LinkedHashMap<>();
  private final Map<Integer, Integer> load = new TreeMap<>();
  private final Map<Integer, Integer> led = new TreeMap<>();
  private final Set<PartitionId> planned = new HashSet<>();
  private final Map<PartitionId, PartitionMove> moves = new LinkedHashMap<>();

  private RebalancePlanner(Map<PartitionId, PartitionState> partitions,
      Collection<Integer> eligible, Set<PartitionId> busy) {
    for (int n : eligible) {
      load.put(n, 0);
      led.put(n, 0);
    }
    partitions.forEach((id, s) -> {
      replicas.put(id, new ArrayList<>(s.replicas()));
      primaries.put(id, s.primary());
      s.replicas().forEach(n -> load.computeIfPresent(n, (k, c) -> c + 1));
      led.computeIfPresent(s.primary(), (k, c) -> c + 1);
    });
    planned.addAll(busy);
  }

  /** Moves that spread replicas, then primaries, evenly over {@code eligible}. */
  public static List<PartitionMove> rebalance(Map<PartitionId, PartitionState> partitions,
      Collection<Integer> eligible, Set<PartitionId> busy) {
    RebalancePlanner p = new RebalancePlanner(partitions, eligible, busy);
    while (p.planReplicaMove()) {
      // one partition per round; each round plans a different partition, so this ends
    }
    // Each round moves one primary from a node with at least two more than another: the sum of
    // squared primary counts falls every round, so this ends too.
    while (p.planLeaderMove()) {
      // as above
    }
    return new ArrayList<>(p.moves.values());
  }

  /**
   * Moves that take every replica off the {@code draining} nodes. A partition whose other eligible
   * replicas already number {@code replicationFactor} (a replacement was added while a replica was
   * down) gets a move to one of those: it only drops the draining replica.
   */
  public static List<PartitionMove> drain(Map<PartitionId, PartitionState> partitions,
      Collection<Integer> eligible, Set<Integer> draining, Set<PartitionId> busy,
      ToIntFunction<PartitionId> replicationFactor) {
    RebalancePlanner p = new RebalancePlanner(partitions, eligible, busy);
    for (Map.Entry<PartitionId, List<Integer>> e : p.replicas.entrySet()) {
      PartitionId id = e.getKey();
      Optional<Integer> from = e.getValue().stream().filter(draining::contains).findFirst();
      if (from.isEmpty() || p.planned.contains(id)) {
        continue;
      }
      Comparator<Integer> leastLoaded =
          Comparator.comparingInt((Integer n) -> p.load.get(n)).thenComparing(n -> n);
      Optional<Integer> to = p.load.keySet().stream().filter(n -> !e.getValue().contains(n))
          .min(leastLoaded);
      List<Integer> staying = e.getValue().stream().filter(p.load::containsKey).toList();
      if (to.isEmpty() && staying.size() >= replicationFactor.applyAsInt(id)) {
        to = staying.stream().min(leastLoaded);
      }
      to.ifPresent(t -> p.apply(new PartitionMove(id, PartitionMove.Kind.REPLICA, from.get(), t)));
    }
    return new ArrayList<>(p.moves.values());
  }

  private List<Integer> byLoad(Map<Integer, Integer> counts) {
    List<Integer> nodes = new ArrayList<>(counts.keySet());
    nodes.sort(Comparator.comparingInt((Integer n) -> counts.get(n)).thenComparing(n -> n));
    return nodes;
  }

  private boolean planReplicaMove() {
    List<Integer> asc = byLoad(load);
    for (int i = asc.size() - 1; i >= 0; i--) {
      int hi = asc.get(i);
      for (int lo : asc) {
        if (load.get(hi) - load.get(lo) <= 1) {
          break;
        }
        boolean preferPrimary = led.get(hi) > led.get(lo);
        PartitionId best = null;
        for (Map.Entry<PartitionId, List<Integer>> e : replicas.entrySet()) {
          PartitionId id = e.getKey();
          if (planned.contains(id) || primaries.get(id) == PartitionState.NO_PRIMARY
              || !e.getValue().contains(hi) || e.getValue().contains(lo)) {
            continue;
          }
          if (best == null || (primaries.get(id) == hi) == preferPrimary) {
            best = id;
            if ((primaries.get(id) == hi) == preferPrimary) {
              break;
            }
          }
        }
        if (best != null) {
          apply(new PartitionMove(best, PartitionMove.Kind.REPLICA, hi, lo));
          return true;
        }
      }
    }
    return false;
  }

  private boolean planLeaderMove() {
    List<Integer> asc = byLoad(led);
    for (int i = asc.size() - 1; i >= 0; i--) {
      int hi = asc.get(i);
      for (int lo : asc) {
        if (led.get(hi) - led.get(lo) <= 1) {
          break;
        }
        for (Map.Entry<PartitionId, List<Integer>> e : replicas.entrySet()) {
          PartitionId id = e.getKey();
          if (primaries.get(id) != hi || !e.getValue().contains(lo)) {
            continue;
          }
          PartitionMove planned = moves.get(id);
          if (planned == null && !this.planned.contains(id)) {
            apply(new PartitionMove(id, PartitionMove.Kind.LEADER, hi, lo));
            return true;
          }
          if (planned != null && planned.kind() == PartitionMove.Kind.REPLICA
              && lo != planned.from()) {
            // The replica move also chooses who leads after it.
            moves.put(id, planned.withLeader(lo));
            primaries.put(id, lo);
            led.computeIfPresent(hi, (k, c) -> c - 1);
            led.computeIfPresent(lo, (k, c) -> c + 1);
            return true;
          }
        }
      }
    }
    return false;
  }

  private void apply(PartitionMove m) {
    PartitionId id = m.partition();
    planned.add(id);
    moves.put(id, m);
    if (m.kind() == PartitionMove.Kind.REPLICA) {
      List<Integer> r = replicas.get(id);
      r.remove(Integer.valueOf(m.from()));
      load.computeIfPresent(m.from(), (k, c) -> c - 1);
      if (!r.contains(m.to())) {
        r.add(m.to());
        load.computeIfPresent(m.to(), (k, c) -> c + 1);
      }
    }
    // A replica move of the primary hands leadership to the target (see MoveExecutor).
    if (primaries.get(id) == m.from()) {
      primaries.put(id, m.to());
      led.computeIfPresent(m.from(), (k, c) -> c - 1);
      led.computeIfPresent(m.to(), (k, c) -> c + 1);
    }
  }
}
