package io.dst.node.replication;

import io.dst.node.protocol.Message;
import io.dst.node.protocol.Response;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/** Sends a request to another node by id; fails with UNAVAILABLE when the node is not reachable. */
@FunctionalInterface
public interface Peers {
  CompletableFuture<Response> send(int nodeId, LongFunction<? extends Message.Request> request);
}
