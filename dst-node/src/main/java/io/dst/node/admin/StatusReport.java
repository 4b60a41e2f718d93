package io.dst.node.admin;

import io.dst.node.meta.PartitionMove;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link ClusterStatus} as aligned plain-text tables for a terminal. */
public final class StatusReport {
  private StatusReport() {}

  public static String format(ClusterStatus s) {
    StringBuilder out = new StringBuilder();
    out.append("cluster ").append(s.cluster()).append(", controller: ")
        .append(s.controller() < 0 ? "none" : "node " + s.controller()).append("\n\n");
    Table nodes = new Table("NODE", "STATE", "ADDRESS", "REPLICAS", "PRIMARIES", "NOTE");
    for (ClusterStatus.Node n : s.nodes()) {
      String state = (n.live() ? "live" : "down") + (n.draining() ? ",draining" : "");
      nodes.row(String.valueOf(n.id()), state, n.address() == null ? "-" : n.address(),
          String.valueOf(n.replicas()), String.valueOf(n.primaries()),
          n.removable() ? "removable (holds no partitions)" : n.draining() ? "draining" : "");
    }
    out.append(nodes.render()).append('\n');
    Table parts = new Table("PARTITION", "EPOCH", "PRIMARY", "REPLICAS", "IN-SYNC", "MOVE");
    for (ClusterStatus.Partition p : s.partitions()) {
      PartitionMove m = p.move();
      parts.row(p.id().table() + "/" + p.id().partition(), String.valueOf(p.state().epoch()),
          p.state().hasPrimary() ? String.valueOf(p.state().primary()) : "none",
          ids(p.state().replicas()), ids(p.state().isr()),
          m == null ? "" : m.kind().name().toLowerCase() + " " + m.from() + "->" + m.to() + " ("
              + p.moveStage() + ")");
    }
    out.append(parts.render());
    List<ClusterStatus.Partition> moving = s.moving();
    out.append('\n').append(moving.isEmpty() ? "no moves in progress"
        : moving.size() + " move(s) requested").append('\n');
    return out.toString();
  }

  private static String ids(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** Left-aligned columns separated by two spaces. */
  private static final class Table {
    private final List<String[]> rows = new java.util.ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    void row(String... cells) {
      rows.add(cells);
    }

    String render() {
      int cols = rows.get(0).length;
      int[] width = new int[cols];
      for (String[] r : rows) {
        for (int i = 0; i < cols; i++) {
          width[i] = Math.max(width[i], r[i].length());
        }
      }
      StringBuilder b = new StringBuilder();
      for (String[] r : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cols; i++) {
          line.append(String.format("%-" + width[i] + "s", r[i]));
          if (i < cols - 1) {
            line.append("  ");
          }
        }
        b.append(line.toString().stripTrailing()).append('\n');
      }
      return b.toString();
    }
  }
}
