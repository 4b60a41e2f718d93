package io.dst.node.resp;

import io.netty.handler.codec.DecoderException;

/**
 * The client sent bytes that are not a RESP request (bad type byte, bad length, oversized bulk,
 * missing CRLF). The connection cannot be resynchronised, so the server answers a protocol error
 * and closes it.
 */
public final class RespProtocolException extends DecoderException {
  public RespProtocolException(String reason) {
    super(reason);
  }
}
