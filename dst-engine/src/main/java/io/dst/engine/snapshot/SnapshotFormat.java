package io.dst.engine.snapshot;

import io.dst.engine.codec.BinaryIn;
import io.dst.engine.codec.BinaryOut;
import io.dst.engine.codec.SchemaCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Constants and shared pieces of the snapshot format: magic {@code "DSTS"}, a version byte, a kind
 * byte (table partition, kv partition, catalog), the partition id, the body, then a CRC32C trailer
 * over everything before it.
 */
final class SnapshotFormat {
  static final int MAGIC = 0x44535453;
  static final int VERSION = 1;
  static final int KIND_TABLE = 1;
  static final int KIND_KV = 2;
  static final int KIND_CATALOG = 3;
  static final int KV_STR = 1;
  static final int KV_DICT = 2;

  private SnapshotFormat() {}

  static void writeTableDef(BinaryOut out, Snapshot.TableDef def) {
    SchemaCodec.write(out, def.schema());
    out.writeVarInt(def.partitions());
    out.writeVarInt(def.extraIndexNames().size());
    def.extraIndexNames().forEach(out::writeString);
  }

  static Snapshot.TableDef readTableDef(BinaryIn in) {
    var schema = SchemaCodec.read(in);
    int partitions = in.readCount(1 << 16);
    int n = in.readCount(4096);
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(in.readString());
    }
    return new Snapshot.TableDef(schema, partitions, names);
  }
}
