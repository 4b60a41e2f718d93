package io.dst.node.transport;

import io.dst.node.protocol.Message;
import io.dst.node.protocol.Response;
import java.util.concurrent.CompletableFuture;

/** Serves requests that arrive on a {@link NodeServer}; may complete on any thread, in any order. */
@FunctionalInterface
public interface RequestHandler {
  CompletableFuture<Response> handle(Message.Request request);
}
