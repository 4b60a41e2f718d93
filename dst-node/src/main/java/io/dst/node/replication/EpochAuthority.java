package io.dst.node.replication;

import io.dst.engine.PartitionId;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.PartitionState;
import io.dst.node.meta.Versioned;
import java.util.Optional;

/**
 * Decides whether a replica may adopt a newer epoch that a primary's message claims. Production asks
 * ZooKeeper, the only authority for a partition's configuration (rule 1): the epoch must be exactly
 * the one ZooKeeper holds and, when the message names its sender, that node must be the primary.
 */
@FunctionalInterface
public interface EpochAuthority {

  /**
   * Empty when {@code epoch} (with {@code primaryId}, or any primary when it is negative) is the
   * partition's current configuration; otherwise a description of what the authority holds instead.
   */
  Optional<String> refute(PartitionId partition, long epoch, int primaryId);

  /** Reads the partition's znode directly (not a cache, which may predate the new epoch). */
  static EpochAuthority zooKeeper(MetadataStore meta) {
    return (partition, epoch, primaryId) -> {
      Optional<Versioned<PartitionState>> current = meta.partition(partition);
      if (current.isEmpty()) {
        return Optional.of("no configuration");
      }
      PartitionState state = current.get().value();
      boolean confirmed = state.epoch() == epoch && (primaryId < 0 || state.primary() == primaryId);
      return confirmed ? Optional.empty()
          : Optional.of("epoch " + state.epoch() + ", primary node " + state.primary());
    };
  }
}
