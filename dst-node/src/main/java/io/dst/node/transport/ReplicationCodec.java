package io.dst.node.transport;

import io.dst.node.protocol.Frame;
import io.dst.node.protocol.Op;
import io.dst.engine.PartitionId;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.ReplicationRequest.Append;
import io.dst.node.protocol.ReplicationRequest.EntryData;
import io.dst.node.protocol.ReplicationRequest.Handshake;
import io.dst.node.protocol.ReplicationRequest.InstallSnapshot;
import io.dst.node.protocol.ReplicationRequest.LogEnd;
import io.dst.node.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Codec of the REPLICATION family. Every payload starts with table and partition; APPEND then
 * carries epoch, from, commit and the entries as (epoch, length-prefixed payload) pairs.
 */
public final class ReplicationCodec extends FamilyCodec<ReplicationRequest> {
  public ReplicationCodec() {
    super(Op.Family.REPLICATION, ReplicationRequest.class);
  }

  @Override
  ByteBuf encode(ChannelHandlerContext ctx, ReplicationRequest msg) {
    ByteBuf buf;
    if (msg instanceof Handshake h) {
      buf = header(ctx, Op.HANDSHAKE, h);
      buf.writeLong(h.epoch()).writeInt(h.primaryId());
    } else if (msg instanceof Append a) {
      buf = header(ctx, Op.APPEND, a);
      buf.writeLong(a.epoch()).writeLong(a.from()).writeLong(a.commit()).writeInt(a.entries().size());
      for (EntryData e : a.entries()) {
        buf.writeLong(e.epoch());
        Wire.writeBytes(buf, e.payload());
      }
    } else if (msg instanceof InstallSnapshot s) {
      buf = header(ctx, Op.INSTALL_SNAPSHOT, s);
      buf.writeLong(s.epoch()).writeLong(s.offset()).writeLong(s.lastEpoch());
      Wire.writeBytes(buf, s.state());
    } else {
      buf = header(ctx, Op.LOG_END, msg);
    }
    return Frames.finish(buf);
  }

  private static ByteBuf header(ChannelHandlerContext ctx, Op op, ReplicationRequest msg) {
    ByteBuf buf = Frames.start(ctx.alloc(), op, msg.requestId());
    Wire.writeString(buf, msg.partition().table());
    buf.writeInt(msg.partition().partition());
    return buf;
  }

  @Override
  ReplicationRequest decode(Frame frame) {
    ByteBuf in = frame.payload();
    long id = frame.requestId();
    PartitionId p = new PartitionId(Wire.readRequiredString(in, "partition table"), in.readInt());
    switch (frame.op()) {
      case HANDSHAKE:
        return new Handshake(id, p, in.readLong(), in.readInt());
      case APPEND: {
        long epoch = in.readLong();
        long from = in.readLong();
        long commit = in.readLong();
        int n = in.readInt();
        if (n < 0 || n > in.readableBytes() / 12) {
          throw new IllegalArgumentException("bad entry count " + n);
        }
        List<EntryData> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          entries.add(new EntryData(in.readLong(), Wire.readBytes(in)));
        }
        return new Append(id, p, epoch, from, commit, entries);
      }
      case INSTALL_SNAPSHOT:
        return new InstallSnapshot(id, p, in.readLong(), in.readLong(), in.readLong(),
            Wire.readBytes(in));
      case LOG_END:
        return new LogEnd(id, p);
      default:
        throw new IllegalStateException("not a replication op: " + frame.op());
    }
  }
}
