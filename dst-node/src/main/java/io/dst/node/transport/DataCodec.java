package io.dst.node.transport;

import io.dst.engine.log.LogEntryCodec;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Frame;
import io.dst.node.protocol.Op;
import io.dst.engine.PartitionId;
import io.dst.node.protocol.QueryCodec;
import io.dst.node.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * Codec of the DATA family (client WRITE and READ). Payload: table, partition, epoch, then the
 * encoded mutation (rest of the frame, checksummed by the engine's LogEntryCodec) or the query. A
 * write is parsed and its checksum checked here, so a garbled one closes the connection instead of
 * reaching the log.
 */
public final class DataCodec extends FamilyCodec<DataRequest> {
  public DataCodec() {
    super(Op.Family.DATA, DataRequest.class);
  }

  @Override
  ByteBuf encode(ChannelHandlerContext ctx, DataRequest msg) {
    if (msg instanceof DataRequest.Write w) {
      ByteBuf buf = Frames.start(ctx.alloc(), Op.WRITE, w.requestId());
      writeTarget(buf, w.partition(), w.epoch());
      buf.writeBytes(w.encoded());
      return Frames.finish(buf);
    }
    DataRequest.Read r = (DataRequest.Read) msg;
    ByteBuf buf = Frames.start(ctx.alloc(), Op.READ, r.requestId());
    writeTarget(buf, r.partition(), r.epoch());
    QueryCodec.write(buf, r.query());
    return Frames.finish(buf);
  }

  @Override
  DataRequest decode(Frame frame) {
    ByteBuf in = frame.payload();
    PartitionId partition = new PartitionId(Wire.readRequiredString(in, "partition table"), in.readInt());
    long epoch = in.readLong();
    if (frame.op() == Op.WRITE) {
      byte[] encoded = new byte[in.readableBytes()];
      in.readBytes(encoded);
      return new DataRequest.Write(frame.requestId(), partition, epoch, LogEntryCodec.decode(encoded),
          encoded);
    }
    return new DataRequest.Read(frame.requestId(), partition, epoch, QueryCodec.read(in));
  }

  static void writeTarget(ByteBuf buf, PartitionId partition, long epoch) {
    Wire.writeString(buf, partition.table());
    buf.writeInt(partition.partition());
    buf.writeLong(epoch);
  }
}
