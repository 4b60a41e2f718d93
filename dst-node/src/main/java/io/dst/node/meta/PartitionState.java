package io.dst.node.meta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partition's configuration, the content of {@code partitions/<table>/<p>}. <b>replicas</b> are
 * the nodes assigned to hold the partition; <b>isr</b> (in-sync replicas) the subset, primary
 * included, that holds every acknowledged write; <b>primary</b> the node serving it in
 * <b>epoch</b>, or -1 while the partition is offline; <b>incarnation</b> the primary's process
 * incarnation when it was made primary; <b>transferTo</b> the in-sync replica the controller asked
 * the primary to hand leadership to (-1: none, see the move protocol in the module README). Stored
 * as readable {@code key=value} lines.
 */
public record PartitionState(long epoch, int primary, long incarnation, List<Integer> replicas,
    List<Integer> isr, int transferTo) {
  public static final int NO_PRIMARY = -1;
  public static final int NO_TRANSFER = -1;

  public PartitionState {
    replicas = List.copyOf(replicas);
    isr = List.copyOf(isr);
  }

  public PartitionState(long epoch, int primary, long incarnation, List<Integer> replicas,
      List<Integer> isr) {
    this(epoch, primary, incarnation, replicas, isr, NO_TRANSFER);
  }

  public boolean transferRequested() {
    return transferTo != NO_TRANSFER;
  }

  public PartitionState withTransferTo(int node) {
    return new PartitionState(epoch, primary, incarnation, replicas, isr, node);
  }

  public boolean hasPrimary() {
    return primary != NO_PRIMARY;
  }

  public PartitionState withIsr(List<Integer> newIsr) {
    return new PartitionState(epoch, primary, incarnation, replicas, newIsr, transferTo);
  }

  public PartitionState withReplicas(List<Integer> newReplicas) {
    return new PartitionState(epoch, primary, incarnation, newReplicas, isr, transferTo);
  }

  public byte[] encode() {
    return ("epoch=" + epoch + "\nprimary=" + primary + "\nincarnation=" + incarnation
        + "\nreplicas=" + join(replicas) + "\nisr=" + join(isr) + "\n"
        + (transferRequested() ? "transfer=" + transferTo + "\n" : ""))
        .getBytes(StandardCharsets.UTF_8);
  }

  public static PartitionState decode(byte[] data) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return new PartitionState(Long.parseLong(kv.get("epoch")), Integer.parseInt(kv.get("primary")),
        Long.parseLong(kv.getOrDefault("incarnation", "0")), split(kv.get("replicas")),
        split(kv.get("isr")), Integer.parseInt(kv.getOrDefault("transfer", "-1")));
  }

  private static String join(List<Integer> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }

  private static List<Integer> split(String s) {
    List<Integer> out = new ArrayList<>();
    if (s != null && !s.isBlank()) {
      Arrays.stream(s.split(",")).map(String::trim).map(Integer::parseInt).forEach(out::add);
    }
    return out;
  }
}
