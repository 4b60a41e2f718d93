package io.dst.node.protocol;

import io.dst.engine.PartitionId;

import java.util.List;

/**
 * Messages between nodes. A primary of {@code epoch} opens each replica stream with a {@link
 * Handshake}, then ships log entries with {@link Append} (or a snapshot when the replica is behind the
 * primary's log start); the controller asks candidates for their {@link LogEnd} before a promotion.
 */
public sealed interface ReplicationRequest extends Message.Request {
  PartitionId partition();

  /**
   * Opens a replica stream. Ok body: {@link ReplicaPosition}. The replica refuses an epoch older than
   * the newest it has seen.
   */
  record Handshake(long requestId, PartitionId partition, long epoch, int primaryId)
      implements ReplicationRequest {}

  /**
   * Entries {@code from, from+1, ...}; the replica first truncates its log to {@code from} when it is
   * longer (the primary computed {@code from} from its epoch history), then applies entries below
   * {@code commit}. An empty entry list is a heartbeat. Ok body: {@link ReplicaPosition}.
   */
  record Append(long requestId, PartitionId partition, long epoch, long from, long commit,
      List<EntryData> entries) implements ReplicationRequest {}

  /** Replaces the replica's state and log with a snapshot taken at {@code offset}. Ok body: position. */
  record InstallSnapshot(long requestId, PartitionId partition, long epoch, long offset,
      long lastEpoch, byte[] state) implements ReplicationRequest {}

  /** Asks a node for its log end of a partition. Ok body: {@link ReplicaPosition}. */
  record LogEnd(long requestId, PartitionId partition) implements ReplicationRequest {}

  /** One log entry on the wire: the epoch it was written in and its opaque payload. */
  record EntryData(long epoch, byte[] payload) {}
}
