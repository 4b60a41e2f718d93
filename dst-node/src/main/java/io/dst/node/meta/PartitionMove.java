package io.dst.node.meta;

import io.dst.engine.PartitionId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A requested move, the content of {@code moves/<table>/<p>}: a {@link Kind#REPLICA} move puts a
 * replica of the partition on node {@code to} and then takes node {@code from}'s off; a
 * {@link Kind#LEADER} move only hands the primary role from {@code from} to the replica {@code to}.
 * <b>leader</b> (-1: the default) names the node that should lead once a replica move is done; by
 * default leadership moves only when the source led, and then to the target.
 * The controller executes it; how far it got is read from the partition's own configuration, so a
 * new controller resumes it (see the module README).
 */
public record PartitionMove(PartitionId partition, Kind kind, int from, int to, int leader) {
  /** What a move changes. */
  public enum Kind { REPLICA, LEADER }

  public static final int DEFAULT_LEADER = -1;

  public PartitionMove(PartitionId partition, Kind kind, int from, int to) {
    this(partition, kind, from, to, DEFAULT_LEADER);
  }

  public PartitionMove withLeader(int node) {
    return new PartitionMove(partition, kind, from, to, node);
  }

  public byte[] encode() {
    return ("kind=" + kind.name().toLowerCase() + "\nfrom=" + from + "\nto=" + to + "\n"
        + (leader != DEFAULT_LEADER ? "leader=" + leader + "\n" : ""))
        .getBytes(StandardCharsets.UTF_8);
  }

  public static PartitionMove decode(PartitionId p, byte[] data) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return new PartitionMove(p, Kind.valueOf(kv.getOrDefault("kind", "replica").toUpperCase()),
        Integer.parseInt(kv.get("from")), Integer.parseInt(kv.get("to")),
        Integer.parseInt(kv.getOrDefault("leader", "-1")));
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase() + " move of " + partition + " from node " + from + " to node "
        + to + (leader != DEFAULT_LEADER ? ", then led by node " + leader : "");
  }
}
