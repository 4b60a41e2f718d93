package io.dst.node.transport;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Response;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node's own request handler, reached without a socket: a cluster client living in the node (its
 * Redis port) sends the requests it routes to this node here, and gets the answers a connection
 * would have carried, failures and time limit included, without encoding, system calls or a
 * thread hand-off.
 */
public final class LocalNode {
  /**
   * Time limits of requests in flight. A wheel, not {@code CompletableFuture.orTimeout}: that
   * wakes a scheduler thread for nearly every request, which cost more than the request itself.
   */
  private static final HashedWheelTimer TIMEOUTS = new HashedWheelTimer(
      new DefaultThreadFactory("dst-local-timeouts", true), 20, TimeUnit.MILLISECONDS);
  private final int nodeId;
  private final RequestHandler handler;

  public LocalNode(int nodeId, RequestHandler handler) {
    this.nodeId = nodeId;
    this.handler = handler;
  }

  /** The id of the node this handler serves. */
  public int nodeId() {
    return nodeId;
  }

  /**
   * Serves {@code request} as a connection to this node would: the handler's answer, an error
   * response when it fails, and TIMEOUT when nothing comes within {@code timeout}.
   */
  public CompletableFuture<Response> send(Message.Request request, Duration timeout) {
    CompletableFuture<Response> answer;
    try {
      answer = handler.handle(request);
    } catch (RuntimeException | LinkageError e) {
      answer = CompletableFuture.failedFuture(e);
    }
    if (!answer.isDone()) {
      CompletableFuture<Response> pending = answer;
      Timeout timer = TIMEOUTS.newTimeout(t -> pending.completeExceptionally(
          new TimeoutException()), timeout.toMillis(), TimeUnit.MILLISECONDS);
      answer = answer.whenComplete((r, e) -> timer.cancel());
    }
    return answer.handle((response, error) -> {
      if (response != null) {
        return response;
      }
      Throwable cause = error instanceof java.util.concurrent.CompletionException
          && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof TimeoutException) {
        throw new DstException(ErrorCode.TIMEOUT, "node " + nodeId + " (this node) did not "
            + "answer within " + timeout.toMillis() + " ms", cause);
      }
      return ServerHandler.toError(request.requestId(), error);
    });
  }
}
