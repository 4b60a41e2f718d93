package io.dst.node.client;

import io.dst.engine.log.Mutation;
import java.util.List;

/**
 * Pipelined kv access for a server that decodes many requests from one read (the Redis port):
 * instead of one round trip per request, all of them are in flight at once. Results come in
 * request order; a request that failed is its {@link io.dst.engine.DstException} in the list.
 */
public interface KvPipeline {
  /**
   * Applies kv writes, those of one partition as one replicated log entry ({@link
   * Mutation.KvBatch}, so they apply in the given order and are acknowledged only once every
   * in-sync replica has them), the partitions concurrently. Each result is the write's value.
   */
  List<Object> writeAll(List<Mutation> writes);

  /** The str values of {@code keys}, read concurrently from their primaries (null when absent). */
  List<Object> getAll(List<String> keys);
}
