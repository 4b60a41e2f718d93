package io.dst.node.client;

import io.dst.engine.log.Mutation;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Pipelined, non-blocking kv access for a server that decodes many requests from one read (the
 * Redis port): instead of one round trip per request, all of them are in flight at once, and no
 * thread waits for them. Results come in request order; a request that failed is its {@link
 * io.dst.engine.DstException} in the list (the future itself does not fail). The future may
 * complete on a network thread: callers hand the results back to their own thread.
 */
public interface KvPipeline {
  /**
   * Applies kv writes, those of one partition as one replicated log entry ({@link
   * Mutation.KvBatch}, so they apply in the given order and are acknowledged only once every
   * in-sync replica has them), the partitions concurrently. Each result is the write's value.
   */
  CompletableFuture<List<Object>> writeAll(List<Mutation> writes);

  /** The str values of {@code keys}, read concurrently from their primaries (null when absent). */
  CompletableFuture<List<Object>> getAll(List<String> keys);
}
