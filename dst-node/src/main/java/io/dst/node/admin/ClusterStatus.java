package io.dst.node.admin;

import io.dst.engine.PartitionId;
import io.dst.node.meta.PartitionMove;
import io.dst.node.meta.PartitionState;
import java.util.List;

/**
 * What {@code dst admin status} shows: the controller, every node the cluster knows (live or
 * registered in a partition), and every partition with its configuration and move, if any.
 */
public record ClusterStatus(String cluster, int controller, List<Node> nodes,
    List<Partition> partitions) {

  /** A node: {@code address} is null when it is down. */
  public record Node(int id, String address, boolean live, boolean draining, int replicas,
      int primaries) {
    /** A draining node that holds no replica any more can be stopped and removed. */
    public boolean removable() {
      return draining && replicas == 0;
    }
  }

  /** A partition; {@code move} is null when none is requested. */
  public record Partition(PartitionId id, PartitionState state, PartitionMove move) {
    /** Where the move stands, read from the configuration as the controller reads it. */
    public String moveStage() {
      if (move == null) {
        return "";
      }
      boolean hasTo = state.replicas().contains(move.to());
      boolean toInSync = state.isr().contains(move.to());
      if (move.kind() == PartitionMove.Kind.LEADER) {
        return toInSync ? "transferring leadership" : "waiting for the target to be in sync";
      }
      if (!hasTo) {
        return "queued";
      }
      if (!toInSync) {
        return "catching up";
      }
      boolean leaderMoves = state.primary() == move.from()
          || move.leader() >= 0 && state.primary() != move.leader();
      return leaderMoves ? "transferring leadership" : "removing old replica";
    }
  }

  public List<Partition> moving() {
    return partitions.stream().filter(p -> p.move() != null).toList();
  }
}
