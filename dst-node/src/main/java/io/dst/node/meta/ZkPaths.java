package io.dst.node.meta;

import io.dst.engine.PartitionId;

/**
 * The znode layout of one cluster, all under {@code /dst/<cluster>}: {@code nodes/<id>} (ephemeral,
 * one per live node), {@code tables/<name>} (a {@link TableMeta}), {@code partitions/<table>/<p>} (a
 * {@link PartitionState}, changed only by compare-and-set on its znode version), {@code controller}
 * (the controller election), {@code ids} (node id allocation), {@code moves/<table>/<p>} (requested
 * partition moves) and {@code draining/<id>} (nodes being decommissioned).
 */
public record ZkPaths(String cluster) {
  public String root() {
    return "/dst/" + cluster;
  }

  public String nodes() {
    return root() + "/nodes";
  }

  public String node(int id) {
    return nodes() + "/" + id;
  }

  public String tables() {
    return root() + "/tables";
  }

  public String table(String name) {
    return tables() + "/" + name;
  }

  public String partitions() {
    return root() + "/partitions";
  }

  public String partitionsOf(String table) {
    return partitions() + "/" + table;
  }

  public String partition(PartitionId p) {
    return partitionsOf(p.table()) + "/" + p.partition();
  }

  public String controller() {
    return root() + "/controller";
  }

  /** Requested partition moves, {@code moves/<table>/<p>} (a {@link PartitionMove}). */
  public String moves() {
    return root() + "/moves";
  }

  public String move(PartitionId p) {
    return moves() + "/" + p.table() + "/" + p.partition();
  }

  /** Nodes being decommissioned, {@code draining/<id>} (persistent, empty). */
  public String draining() {
    return root() + "/draining";
  }

  public String draining(int id) {
    return draining() + "/" + id;
  }

  public String ids() {
    return root() + "/ids";
  }
}
