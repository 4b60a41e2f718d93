package io.dst.engine.snapshot;

import io.dst.engine.PartitionId;
import io.dst.engine.codec.BinaryIn;
import io.dst.engine.codec.Checksums;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes snapshots, refusing with CORRUPT_DATA (naming the partition) any whose checksum, magic,
 * version, kind, partition id or structure is wrong.
 */
public final class SnapshotReader {
  private SnapshotReader() {}

  /** Decodes the snapshot of partition {@code expected}. */
  public static Snapshot read(byte[] bytes, PartitionId expected) {
    BinaryIn in = Checksums.open(bytes, "snapshot of " + expected);
    int magic = in.readInt();
    if (magic != SnapshotFormat.MAGIC) {
      throw in.corrupt(String.format("bad magic %08x", magic));
    }
    int version = in.readByte();
    if (version != SnapshotFormat.VERSION) {
      throw in.corrupt("unknown format version " + version);
    }
    int kind = in.readByte();
    String table = in.readString();
    int partition = in.readVarInt();
    if (!table.equals(expected.table()) || partition != expected.partition()) {
      throw in.corrupt("it holds partition " + table + "/" + partition);
    }
    Snapshot s = switch (kind) {
      case SnapshotFormat.KIND_TABLE -> {
        Snapshot.TableDef def = SnapshotFormat.readTableDef(in);
        int columns = def.schema().columnCount();
        int n = in.readCount(bytes.length);
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          Object[] row = new Object[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = in.readValue();
          }
          rows.add(row);
        }
        yield new Snapshot.TablePart(def, partition, rows);
      }
      case SnapshotFormat.KIND_KV -> {
        int n = in.readCount(bytes.length);
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          String key = in.readString();
          int type = in.readByte();
          if (type == SnapshotFormat.KV_STR) {
            entries.put(key, in.readString());
          } else if (type == SnapshotFormat.KV_DICT) {
            int m = in.readCount(bytes.length);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int j = 0; j < m; j++) {
              fields.put(in.readString(), in.readString());
            }
            entries.put(key, fields);
          } else {
            throw in.corrupt("unknown kv entry type " + type + " for key \"" + key + "\"");
          }
        }
        Map<String, Long> deadlines = new LinkedHashMap<>();
        if (!in.atEnd()) {
          int d = in.readCount(bytes.length);
          for (int i = 0; i < d; i++) {
            deadlines.put(in.readString(), in.readVarLong());
          }
        }
        yield new Snapshot.KvPart(partition, entries, deadlines);
      }
      case SnapshotFormat.KIND_CATALOG -> {
        int n = in.readCount(1 << 20);
        List<Snapshot.TableDef> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          tables.add(SnapshotFormat.readTableDef(in));
        }
        yield new Snapshot.Catalog(tables);
      }
      default -> throw in.corrupt("unknown snapshot kind " + kind);
    };
    if (!in.atEnd()) {
      throw in.corrupt("trailing bytes");
    }
    return s;
  }
}
