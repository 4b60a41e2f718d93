package io.dst.node.protocol;

/**
 * A typed protocol message. The request id ties a response to its request on one connection, which
 * lets a client pipeline many requests and receive the answers in any order.
 */
public sealed interface Message
    permits Message.Request, Response {
  long requestId();

  /** A message that expects exactly one {@link Response} with the same request id. */
  sealed interface Request extends Message permits DataRequest, ReplicationRequest {}
}
