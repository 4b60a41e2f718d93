package io.dst.node.protocol;

import io.dst.node.protocol.Query.Aggregate;
import io.dst.node.protocol.Query.DictGet;
import io.dst.node.protocol.Query.DictGetAll;
import io.dst.node.protocol.Query.DictKeys;
import io.dst.node.protocol.Query.GetRow;
import io.dst.node.protocol.Query.KvExists;
import io.dst.node.protocol.Query.KvGet;
import io.dst.node.protocol.Query.KvKeys;
import io.dst.node.protocol.Query.KvSize;
import io.dst.node.protocol.Query.KvType;
import io.dst.node.protocol.Query.Lookup;
import io.dst.node.protocol.Query.RowCount;
import io.dst.node.protocol.Query.Scan;
import io.netty.buffer.ByteBuf;

/** Reads and writes a {@link Query} inside a READ frame: a type byte, then its fields in Wire form. */
public final class QueryCodec {
  private QueryCodec() {}

  public static void write(ByteBuf buf, Query query) {
    if (query instanceof KvGet q) {
      buf.writeByte(1);
      Wire.writeString(buf, q.key());
    } else if (query instanceof KvExists q) {
      buf.writeByte(2);
      Wire.writeString(buf, q.key());
    } else if (query instanceof KvType q) {
      buf.writeByte(3);
      Wire.writeString(buf, q.key());
    } else if (query instanceof DictGetAll q) {
      buf.writeByte(4);
      Wire.writeString(buf, q.dict());
    } else if (query instanceof DictGet q) {
      buf.writeByte(5);
      Wire.writeString(buf, q.dict());
      Wire.writeString(buf, q.field());
    } else if (query instanceof DictKeys q) {
      buf.writeByte(6);
      Wire.writeString(buf, q.dict());
    } else if (query instanceof KvKeys q) {
      buf.writeByte(7);
      Wire.writeString(buf, q.pattern());
    } else if (query instanceof KvSize q) {
      buf.writeByte(8);
    } else if (query instanceof RowCount q) {
      buf.writeByte(9);
      Wire.writeString(buf, q.table());
    } else if (query instanceof Scan q) {
      buf.writeByte(10);
      Wire.writeString(buf, q.table());
      Wire.writeScanSpec(buf, q.spec());
    } else if (query instanceof Aggregate q) {
      buf.writeByte(11);
      Wire.writeString(buf, q.table());
      Wire.writeAggregateSpec(buf, q.spec());
    } else if (query instanceof GetRow q) {
      buf.writeByte(12);
      Wire.writeString(buf, q.table());
      Wire.writeValue(buf, q.primaryKey());
    } else if (query instanceof Query.KvTtl q) {
      buf.writeByte(14);
      Wire.writeString(buf, q.key());
    } else if (query instanceof Query.KvMultiGet q) {
      buf.writeByte(15);
      buf.writeInt(q.keys().size());
      q.keys().forEach(k -> Wire.writeString(buf, k));
    } else if (query instanceof Lookup q) {
      buf.writeByte(13);
      Wire.writeString(buf, q.table());
      buf.writeInt(q.column());
      Wire.writeValue(buf, q.value());
      Wire.writeInts(buf, q.projection());
    }
  }

  public static Query read(ByteBuf buf) {
    byte type = buf.readByte();
    return switch (type) {
      case 1 -> new KvGet(Wire.readRequiredString(buf, "key"));
      case 2 -> new KvExists(Wire.readRequiredString(buf, "key"));
      case 3 -> new KvType(Wire.readRequiredString(buf, "key"));
      case 4 -> new DictGetAll(Wire.readRequiredString(buf, "dict"));
      case 5 -> new DictGet(Wire.readRequiredString(buf, "dict"), Wire.readRequiredString(buf, "field"));
      case 6 -> new DictKeys(Wire.readRequiredString(buf, "dict"));
      case 7 -> new KvKeys(Wire.readRequiredString(buf, "pattern"));
      case 8 -> new KvSize();
      case 9 -> new RowCount(Wire.readRequiredString(buf, "table"));
      case 10 -> new Scan(Wire.readRequiredString(buf, "table"), Wire.readScanSpec(buf));
      case 11 -> new Aggregate(Wire.readRequiredString(buf, "table"), Wire.readAggregateSpec(buf));
      case 12 -> new GetRow(Wire.readRequiredString(buf, "table"), Wire.readValue(buf));
      case 13 -> new Lookup(Wire.readRequiredString(buf, "table"), buf.readInt(), Wire.readValue(buf), Wire.readInts(buf));
      case 14 -> new Query.KvTtl(Wire.readRequiredString(buf, "key"));
      case 15 -> {
        int n = Wire.readCount(buf);
        java.util.List<String> keys = new java.util.ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
          keys.add(Wire.readRequiredString(buf, "key"));
        }
        yield new Query.KvMultiGet(keys);
      }
      default -> throw Wire.corrupt("unknown query type " + type);
    };
  }
}
