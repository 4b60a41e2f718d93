package io.dst.node.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Where a replica's log stands: the epoch of its last entry, its log end (next offset to write) and
 * log start, and the incarnation of the node process (new on every start, so a primary can tell that
 * a replica restarted and must earn its in-sync place again).
 */
public record ReplicaPosition(long lastEpoch, long logEnd, long logStart, long incarnation) {
  public byte[] encode() {
    ByteBuf buf = Unpooled.buffer(32);
    buf.writeLong(lastEpoch).writeLong(logEnd).writeLong(logStart).writeLong(incarnation);
    return buf.array();
  }

  public static ReplicaPosition decode(byte[] body) {
    ByteBuf buf = Unpooled.wrappedBuffer(body);
    return new ReplicaPosition(buf.readLong(), buf.readLong(), buf.readLong(), buf.readLong());
  }
}
