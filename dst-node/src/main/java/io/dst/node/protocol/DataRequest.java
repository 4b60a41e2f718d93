package io.dst.node.protocol;

/**
 * Client requests, served by a partition's primary. {@code epoch} is the partition epoch the client
 * routed by (-1: any); a primary answers STALE_EPOCH or NOT_PRIMARY when it does not match, so the
 * client refreshes its metadata and retries.
 */
public sealed interface DataRequest extends Message.Request {
  PartitionRef partition();

  long epoch();

  /** A write: the encoded {@link Command} is appended to the partition's log as is. Ok body: a value. */
  record Write(long requestId, PartitionRef partition, long epoch, Command command, byte[] encoded)
      implements DataRequest {}

  /** A read answered from the primary's applied state. Ok body: a value. */
  record Read(long requestId, PartitionRef partition, long epoch, Query query)
      implements DataRequest {}
}
