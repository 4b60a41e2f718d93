package io.dst.node.meta;

import io.dst.engine.schema.TableSchema;
import io.dst.node.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A table as the cluster knows it, the content of {@code tables/<name>}: its schema (indexes added
 * later included), how many hash partitions it has, the desired replication factor, and the
 * minimum number of in-sync replicas below which its partitions refuse writes. Both replica numbers
 * are capped by the replicas a partition actually has.
 */
public record TableMeta(TableSchema schema, int partitions, int replicationFactor, int minInSync) {
  private static final byte FORMAT = 1;

  public String name() {
    return schema.name();
  }

  public byte[] encode() {
    ByteBuf buf = Unpooled.buffer(256);
    buf.writeByte(FORMAT).writeInt(partitions).writeInt(replicationFactor).writeInt(minInSync);
    Wire.writeSchema(buf, schema);
    byte[] out = new byte[buf.readableBytes()];
    buf.readBytes(out);
    return out;
  }

  public static TableMeta decode(byte[] data) {
    ByteBuf buf = Unpooled.wrappedBuffer(data);
    byte format = buf.readByte();
    if (format != FORMAT) {
      throw new IllegalArgumentException("unknown table metadata format " + format);
    }
    int partitions = buf.readInt();
    int rf = buf.readInt();
    int minIsr = buf.readInt();
    return new TableMeta(Wire.readSchema(buf), partitions, rf, minIsr);
  }
}
