package io.dst.node.protocol;

import io.dst.engine.ErrorCode;

/** An answer to a request: either a success with an op-specific body or an error code and message. */
public sealed interface Response extends Message {
  /** A success; the body's layout depends on the request (see each request's javadoc). */
  record Ok(long requestId, byte[] body) implements Response {}

  /** A failure the caller can act on; the code's name travels on the wire, never its ordinal. */
  record Error(long requestId, ErrorCode code, String message) implements Response {}
}
