package io.dst.node.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.PartitionId;
import io.dst.node.controller.RebalancePlanner;
import io.dst.node.meta.PartitionMove;
import io.dst.node.meta.PartitionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RebalancePlannerTest {
  /** 16 partitions, replication 3, all on nodes 1-3, primaries spread over them. */
  private static Map<PartitionId, PartitionState> threeNodeLayout() {
    Map<PartitionId, PartitionState> out = new LinkedHashMap<>();
    for (int p = 0; p < 16; p++) {
      int primary = 1 + p % 3;
      out.put(new PartitionId("t", p), new PartitionState(5, primary, 1, List.of(1, 2, 3),
          List.of(1, 2, 3)));
    }
    return out;
  }

  private static Map<PartitionId, PartitionState> applied(Map<PartitionId, PartitionState> in,
      List<PartitionMove> moves) {
    Map<PartitionId, PartitionState> out = new LinkedHashMap<>(in);
    for (PartitionMove m : moves) {
      PartitionState s = out.get(m.partition());
      List<Integer> r = new ArrayList<>(s.replicas());
      if (m.kind() == PartitionMove.Kind.REPLICA) {
        r.remove(Integer.valueOf(m.from()));
        r.add(m.to());
      }
      int primary = m.leader() >= 0 ? m.leader() : s.primary() == m.from() ? m.to() : s.primary();
      out.put(m.partition(), new PartitionState(s.epoch(), primary, 1, r, r));
    }
    return out;
  }

  private static Map<Integer, Long> replicasPerNode(Map<PartitionId, PartitionState> parts) {
    return parts.values().stream().flatMap(s -> s.replicas().stream())
        .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
  }

  @Test
  void shouldSpreadReplicasAndPrimariesOntoANewNode() {
    Map<PartitionId, PartitionState> before = threeNodeLayout();
    List<PartitionMove> moves = RebalancePlanner.rebalance(before, List.of(1, 2, 3, 4), Set.of());

    Map<PartitionId, PartitionState> after = applied(before, moves);
    assertThat(replicasPerNode(after)).containsOnlyKeys(1, 2, 3, 4).allSatisfy((n, c) ->
        assertThat(c).isBetween(11L, 13L));
    Map<Integer, Long> primaries = after.values().stream()
        .collect(Collectors.groupingBy(PartitionState::primary, Collectors.counting()));
    assertThat(primaries).containsOnlyKeys(1, 2, 3, 4).allSatisfy((n, c) ->
        assertThat(c).isBetween(3L, 5L));
    assertThat(moves).extracting(PartitionMove::partition).doesNotHaveDuplicates();
    assertThat(after.values()).allSatisfy(s -> assertThat(s.replicas()).doesNotHaveDuplicates()
        .hasSize(3));
  }

  @Test
  void shouldSpreadPrimariesEvenWhenOneNodeLedEverything() {
    Map<PartitionId, PartitionState> before = new LinkedHashMap<>();
    for (int p = 0; p < 16; p++) {
      before.put(new PartitionId("t", p), new PartitionState(5, 1, 1, List.of(1, 2, 3),
          List.of(1, 2, 3)));
    }
    List<PartitionMove> moves = RebalancePlanner.rebalance(before, List.of(1, 2, 3, 4), Set.of());

    Map<Integer, Long> primaries = applied(before, moves).values().stream()
        .collect(Collectors.groupingBy(PartitionState::primary, Collectors.counting()));
    assertThat(primaries).containsOnlyKeys(1, 2, 3, 4).allSatisfy((n, c) ->
        assertThat(c).isBetween(3L, 5L));
    assertThat(moves).allSatisfy(m -> assertThat(m.leader()).isNotEqualTo(m.from()));
  }

  @Test
  void shouldPlanNothingForABalancedCluster() {
    assertThat(RebalancePlanner.rebalance(threeNodeLayout(), List.of(1, 2, 3), Set.of()))
        .isEmpty();
  }

  @Test
  void shouldLeavePartitionsThatAlreadyHaveAMoveAlone() {
    Map<PartitionId, PartitionState> before = threeNodeLayout();
    Set<PartitionId> busy = Set.of(new PartitionId("t", 0), new PartitionId("t", 1));
    assertThat(RebalancePlanner.rebalance(before, List.of(1, 2, 3, 4), busy))
        .extracting(PartitionMove::partition).doesNotContainAnyElementsOf(busy);
  }

  @Test
  void shouldDrainEveryReplicaOfADrainingNodeOntoTheLeastLoadedNodes() {
    Map<PartitionId, PartitionState> before = new LinkedHashMap<>();
    for (int p = 0; p < 8; p++) {
      List<Integer> r = List.of(1 + p % 4, 1 + (p + 1) % 4);
      before.put(new PartitionId("t", p), new PartitionState(3, r.get(0), 1, r, r));
    }
    List<PartitionMove> moves = RebalancePlanner.drain(before, List.of(1, 3, 4), Set.of(2),
        Set.of(), id -> 2);

    Map<PartitionId, PartitionState> after = applied(before, moves);
    assertThat(replicasPerNode(after)).doesNotContainKey(2);
    assertThat(moves).allSatisfy(m -> assertThat(m.from()).isEqualTo(2));
    Map<Integer, Long> perNode = new HashMap<>(replicasPerNode(after));
    assertThat(perNode.values().stream().mapToLong(Long::longValue).max().getAsLong()
        - perNode.values().stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
  }

  @Test
  void shouldLeaveADrainingReplicaWhenNoOtherNodeCanTakeIt() {
    Map<PartitionId, PartitionState> before = threeNodeLayout();
    assertThat(RebalancePlanner.drain(before, List.of(1, 3), Set.of(2), Set.of(), id -> 3))
        .isEmpty();
  }

  @Test
  void shouldDropADrainingReplicaThatIsOneTooMany() {
    PartitionId id = new PartitionId("t", 0);
    Map<PartitionId, PartitionState> before = Map.of(id,
        new PartitionState(3, 1, 1, List.of(1, 2, 3, 4), List.of(1, 2, 3, 4)));
    List<PartitionMove> moves = RebalancePlanner.drain(before, List.of(1, 3, 4), Set.of(2),
        Set.of(), p -> 3);
    assertThat(moves).singleElement().satisfies(m -> {
      assertThat(m.from()).isEqualTo(2);
      assertThat(m.to()).isIn(1, 3, 4);
    });
  }
}
