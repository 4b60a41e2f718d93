package io.dst.node.transport;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;

/**
 * UNAVAILABLE for a request that certainly never reached the node (no connection, or the channel was
 * already closed), so even a non-idempotent write may be retried elsewhere.
 */
public final class RequestNotSentException extends DstException {
  public RequestNotSentException(String message, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, message, cause);
  }
}
