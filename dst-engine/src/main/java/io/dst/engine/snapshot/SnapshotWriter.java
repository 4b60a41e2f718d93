package io.dst.engine.snapshot;

import io.dst.engine.PartitionId;
import io.dst.engine.codec.BinaryOut;
import io.dst.engine.codec.Checksums;
import java.util.List;
import java.util.Map;

/** Encodes {@link Snapshot}s; see {@link SnapshotFormat} for the layout. */
public final class SnapshotWriter {
  private SnapshotWriter() {}

  private static BinaryOut header(int kind, PartitionId id, int capacity) {
    BinaryOut out = new BinaryOut(capacity);
    out.writeInt(SnapshotFormat.MAGIC).writeByte(SnapshotFormat.VERSION).writeByte(kind);
    out.writeString(id.table()).writeVarInt(id.partition());
    return out;
  }

  /** A table partition: definition, then the live rows as tagged values. */
  public static byte[] table(Snapshot.TableDef def, int partition, List<Object[]> rows) {
    BinaryOut out = header(SnapshotFormat.KIND_TABLE, new PartitionId(def.schema().name(), partition),
        64 + rows.size() * 32);
    SnapshotFormat.writeTableDef(out, def);
    out.writeVarInt(rows.size());
    for (Object[] row : rows) {
      for (Object v : row) {
        out.writeValue(v);
      }
    }
    return Checksums.seal(out);
  }

  /** A kv partition without deadlines; {@code entries} must iterate in sorted key order. */
  public static byte[] kv(int partition, Map<String, Object> entries) {
    return kv(partition, entries, Map.of());
  }

  /**
   * A kv partition; {@code entries} and {@code deadlines} must iterate in sorted key order. The
   * deadlines follow the entries only when there are some, so a partition without any has the
   * same bytes as before expiry existed.
   */
  public static byte[] kv(int partition, Map<String, Object> entries, Map<String, Long> deadlines) {
    BinaryOut out = header(SnapshotFormat.KIND_KV, new PartitionId(PartitionId.KV_TABLE, partition),
        64 + entries.size() * 32);
    out.writeVarInt(entries.size());
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      out.writeString(e.getKey());
      if (e.getValue() instanceof String s) {
        out.writeByte(SnapshotFormat.KV_STR).writeString(s);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) e.getValue();
        out.writeByte(SnapshotFormat.KV_DICT).writeVarInt(fields.size());
        fields.forEach((k, v) -> out.writeString(k).writeString(v));
      }
    }
    if (!deadlines.isEmpty()) {
      out.writeVarInt(deadlines.size());
      deadlines.forEach((k, d) -> out.writeString(k).writeVarLong(d));
    }
    return Checksums.seal(out);
  }

  /** The catalog; {@code tables} in name order. */
  public static byte[] catalog(List<Snapshot.TableDef> tables) {
    BinaryOut out = header(SnapshotFormat.KIND_CATALOG, PartitionId.CATALOG, 256);
    out.writeVarInt(tables.size());
    for (Snapshot.TableDef def : tables) {
      SnapshotFormat.writeTableDef(out, def);
    }
    return Checksums.seal(out);
  }
}
