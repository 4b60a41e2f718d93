package io.dst.node.protocol;

import io.dst.engine.PartitionId;
import io.dst.engine.log.Mutation;

/**
 * Client requests, served by a partition's primary. {@code epoch} is the partition epoch the client
 * routed by (-1: any); a primary answers STALE_EPOCH or NOT_PRIMARY when it does not match, so the
 * client refreshes its metadata and retries.
 */
public sealed interface DataRequest extends Message.Request {
  PartitionId partition();

  long epoch();

  /**
   * A write: the mutation's {@link io.dst.engine.log.LogEntryCodec} bytes (CRC32C-sealed) are
   * appended to the partition's log as they are. Ok body: the apply result's value in Wire form.
   */
  record Write(long requestId, PartitionId partition, long epoch, Mutation mutation, byte[] encoded)
      implements DataRequest {}

  /** A read answered from the primary's applied state. Ok body: a value. */
  record Read(long requestId, PartitionId partition, long epoch, Query query)
      implements DataRequest {}
}
