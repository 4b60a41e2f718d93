package io.dst.node.meta;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads and writes the cluster's metadata znodes (see {@link ZkPaths}). ZooKeeper is the only
 * authority for a partition's configuration, and every change to it is a compare-and-set on the
 * znode version the writer read: {@link #casPartition} returns false when someone else changed it
 * first, and the writer must re-read and decide again (replication rule 1).
 */
public final class MetadataStore {
  private final CuratorFramework zk;
  private final ZkPaths paths;

  public MetadataStore(CuratorFramework zk, String cluster) {
    this.zk = zk;
    this.paths = new ZkPaths(cluster);
  }

  public ZkPaths paths() {
    return paths;
  }

  public CuratorFramework curator() {
    return zk;
  }

  public void ensureLayout() {
    for (String p : List.of(paths.nodes(), paths.tables(), paths.partitions(), paths.ids(),
        paths.moves(), paths.draining())) {
      call(() -> {
        try {
          zk.create().creatingParentsIfNeeded().forPath(p);
        } catch (KeeperException.NodeExistsException e) {
          // another node created it
        }
        return null;
      });
    }
  }

  /** A fresh cluster-unique node id (from a sequential znode). */
  public int allocateNodeId() {
    return call(() -> {
      String created = zk.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
          .forPath(paths.ids() + "/id-");
      return Integer.parseInt(created.substring(created.lastIndexOf('-') + 1)) + 1;
    });
  }

  public Map<Integer, NodeInfo> liveNodes() {
    return call(() -> {
      Map<Integer, NodeInfo> out = new TreeMap<>();
      for (String child : zk.getChildren().forPath(paths.nodes())) {
        int id = Integer.parseInt(child);
        try {
          out.put(id, NodeInfo.decode(id, zk.getData().forPath(paths.node(id))));
        } catch (KeeperException.NoNodeException e) {
          // left between the listing and the read
        }
      }
      return out;
    });
  }

  public Optional<Versioned<TableMeta>> table(String name) {
    return call(() -> {
      Stat stat = new Stat();
      try {
        byte[] data = zk.getData().storingStatIn(stat).forPath(paths.table(name));
        return Optional.of(new Versioned<>(TableMeta.decode(data), stat.getVersion()));
      } catch (KeeperException.NoNodeException e) {
        return Optional.empty();
      }
    });
  }

  public List<String> tableNames() {
    return call(() -> new ArrayList<>(zk.getChildren().forPath(paths.tables())));
  }

  /** Creates the table's znode; false when it already exists. */
  public boolean createTable(TableMeta meta) {
    return call(() -> {
      try {
        zk.create().forPath(paths.table(meta.name()), meta.encode());
        return true;
      } catch (KeeperException.NodeExistsException e) {
        return false;
      }
    });
  }

  /** Replaces the table's metadata if its znode is still at {@code version}. */
  public boolean updateTable(TableMeta meta, int version) {
    return call(() -> {
      try {
        zk.setData().withVersion(version).forPath(paths.table(meta.name()), meta.encode());
        return true;
      } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
        return false;
      }
    });
  }

  /**
   * Deletes the table's znode and its partitions' znodes in one transaction, so a table created
   * again under the same name never meets the old partitions; false when the table was absent.
   */
  public boolean deleteTable(String name) {
    return call(() -> {
      for (int attempt = 0; attempt < 10; attempt++) {
        List<CuratorOp> ops = new ArrayList<>();
        String parent = paths.partitionsOf(name);
        if (zk.checkExists().forPath(parent) != null) {
          for (String child : zk.getChildren().forPath(parent)) {
            ops.add(zk.transactionOp().delete().forPath(parent + "/" + child));
          }
          ops.add(zk.transactionOp().delete().forPath(parent));
        }
        ops.add(zk.transactionOp().delete().forPath(paths.table(name)));
        try {
          zk.transaction().forOperations(ops);
          return true;
        } catch (KeeperException.NoNodeException e) {
          if (zk.checkExists().forPath(paths.table(name)) == null) {
            return false;
          }
        } catch (KeeperException.NotEmptyException e) {
          // the controller created a partition meanwhile: list again
        }
      }
      throw new DstException(ErrorCode.UNAVAILABLE,
          "could not drop table " + name + ": its partitions kept changing");
    });
  }

  public Optional<Versioned<PartitionState>> partition(PartitionId p) {
    return call(() -> {
      Stat stat = new Stat();
      try {
        byte[] data = zk.getData().storingStatIn(stat).forPath(paths.partition(p));
        return Optional.of(new Versioned<>(PartitionState.decode(data), stat.getVersion()));
      } catch (KeeperException.NoNodeException e) {
        return Optional.empty();
      }
    });
  }

  /** Creates the partition's first configuration; false when it already exists. */
  public boolean createPartition(PartitionId p, PartitionState state) {
    return call(() -> {
      try {
        zk.create().creatingParentContainersIfNeeded().forPath(paths.partition(p), state.encode());
        return true;
      } catch (KeeperException.NodeExistsException e) {
        return false;
      }
    });
  }

  /**
   * Writes {@code state} only if the znode is still at {@code expectedVersion}; returns the new
   * version, or -1 when the znode changed (or vanished) since it was read.
   */
  public int casPartition(PartitionId p, PartitionState state, int expectedVersion) {
    return call(() -> {
      try {
        Stat stat = zk.setData().withVersion(expectedVersion).forPath(paths.partition(p),
            state.encode());
        return stat.getVersion();
      } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
        return -1;
      }
    });
  }

  public void deletePartitions(String table) {
    call(() -> {
      try {
        zk.delete().deletingChildrenIfNeeded().forPath(paths.partitionsOf(table));
      } catch (KeeperException.NoNodeException e) {
        // already gone
      }
      return null;
    });
  }

  /** Records a requested move; false when the partition already has one. */
  public boolean createMove(PartitionMove move) {
    return call(() -> {
      try {
        zk.create().creatingParentContainersIfNeeded().forPath(paths.move(move.partition()),
            move.encode());
        return true;
      } catch (KeeperException.NodeExistsException e) {
        return false;
      }
    });
  }

  /** Deletes the partition's move record (finished or abandoned); absent is fine. */
  public void deleteMove(PartitionId p) {
    call(() -> {
      try {
        zk.delete().forPath(paths.move(p));
      } catch (KeeperException.NoNodeException e) {
        // already gone
      }
      return null;
    });
  }

  /** Marks a node as draining (decommissioned); false when it already was. */
  public boolean markDraining(int node) {
    return call(() -> {
      try {
        zk.create().creatingParentsIfNeeded().forPath(paths.draining(node));
        return true;
      } catch (KeeperException.NodeExistsException e) {
        return false;
      }
    });
  }

  public List<String> partitionTables() {
    return call(() -> new ArrayList<>(zk.getChildren().forPath(paths.partitions())));
  }

  /** A ZooKeeper call whose failures become UNAVAILABLE. */
  interface ZkCall<T> {
    T run() throws Exception;
  }

  static <T> T call(ZkCall<T> c) {
    try {
      return c.run();
    } catch (DstException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DstException(ErrorCode.UNAVAILABLE, "interrupted while talking to ZooKeeper", e);
    } catch (Exception e) {
      throw new DstException(ErrorCode.UNAVAILABLE, "ZooKeeper request failed: " + e, e);
    }
  }
}
