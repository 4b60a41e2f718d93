package io.dst.engine.dump;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.DataStore;
import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.codec.BinaryOut;
import io.dst.engine.codec.SchemaCodec;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.schema.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a dump of a whole {@link DataStore} (tables with their rows, then kv data) to a stream,
 * one partition's rows in memory at a time. On an {@link EmbeddedStore} every partition is read at
 * one instant (local writes wait meanwhile); on any other store (a cluster) each table partition is
 * read at one point of its log and kv keys one at a time. The header records which.
 */
public final class DumpWriter {
  /** Recorded in the header of a dump of an embedded store. */
  public static final String CONSISTENCY_SNAPSHOT =
      "snapshot: all tables and kv data read at one instant (writes paused while dumping)";
  /** Recorded in the header of a dump of any other store. */
  public static final String CONSISTENCY_PER_PARTITION =
      "per-partition: each table partition read at one log position; kv keys read one at a time";

  private final DataStore store;
  private final String source;
  private Progress progress = rows -> {};

  /** Told the number of rows written so far, after each block. */
  public interface Progress {
    void rowsWritten(long rows);
  }

  public DumpWriter(DataStore store, String source) {
    this.store = store;
    this.source = source;
  }

  public DumpWriter onProgress(Progress progress) {
    this.progress = progress;
    return this;
  }

  /** Writes the dump; the caller owns (and closes) {@code out}. */
  public DumpSummary write(OutputStream out) throws IOException {
    try {
      if (store instanceof EmbeddedStore embedded) {
        return embedded.readAtOneInstant(() -> writeUnchecked(out, CONSISTENCY_SNAPSHOT));
      }
      return writeUnchecked(out, CONSISTENCY_PER_PARTITION);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private DumpSummary writeUnchecked(OutputStream out, String consistency) {
    try {
      return writeAll(out, consistency);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DumpSummary writeAll(OutputStream out, String consistency) throws IOException {
    BlockOutput blocks = new BlockOutput(out);
    List<TableSchema> tables = store.tables();
    DumpHeader header = new DumpHeader(DumpFormat.VERSION, System.currentTimeMillis(), tables.size(),
        consistency, source);
    BinaryOut h = new BinaryOut();
    h.writeVarInt(header.version()).writeLong(header.createdMillis()).writeVarInt(header.tableCount());
    h.writeString(header.consistency()).writeString(header.source());
    blocks.write(DumpFormat.HEADER, h);

    Map<String, Long> rowsPerTable = new LinkedHashMap<>();
    long[] total = {0};
    for (int t = 0; t < tables.size(); t++) {
      TableSchema listed = tables.get(t);
      TableData data = store.table(listed.name()).orElse(null);
      // A table dropped after the listing is written as empty, so the header's count still holds.
      TableSchema schema = data == null ? listed : data.schema();
      BinaryOut def = new BinaryOut();
      SchemaCodec.write(def, schema);
      def.writeVarInt(data == null ? 1 : data.partitionCount());
      blocks.write(DumpFormat.TABLE, def);
      long rows = data == null ? 0 : writeRows(blocks, t, data, total);
      BinaryOut end = new BinaryOut();
      end.writeVarInt(t).writeVarLong(rows);
      blocks.write(DumpFormat.TABLE_END, end);
      rowsPerTable.put(schema.name(), rows);
    }
    long kvKeys = writeKv(blocks, store.kv());

    BinaryOut z = new BinaryOut();
    z.writeVarInt(tables.size()).writeVarLong(total[0]).writeVarLong(kvKeys).writeVarInt(blocks.blocks());
    z.writeInt(blocks.fileCrc());
    blocks.write(DumpFormat.TRAILER, z);
    out.flush();
    return new DumpSummary(header, rowsPerTable, kvKeys, blocks.bytes());
  }

  private long writeRows(BlockOutput blocks, int tableIndex, TableData data, long[] total) throws IOException {
    int columns = data.schema().columnCount();
    BinaryOut batch = new BinaryOut(DumpFormat.TARGET_BLOCK_BYTES + 4096);
    int inBatch = 0;
    long rows = 0;
    for (int p = 0; p < data.partitionCount(); p++) {
      try (RowCursor cursor = data.scan(p, ScanSpec.all())) {
        while (cursor.hasNext()) {
          Object[] row = cursor.next();
          for (int c = 0; c < columns; c++) {
            batch.writeValue(row[c]);
          }
          inBatch++;
          rows++;
          if (batch.size() >= DumpFormat.TARGET_BLOCK_BYTES) {
            flushRows(blocks, tableIndex, batch, inBatch);
            total[0] += inBatch;
            progress.rowsWritten(total[0]);
            batch = new BinaryOut(DumpFormat.TARGET_BLOCK_BYTES + 4096);
            inBatch = 0;
          }
        }
      }
    }
    if (inBatch > 0) {
      flushRows(blocks, tableIndex, batch, inBatch);
      total[0] += inBatch;
      progress.rowsWritten(total[0]);
    }
    return rows;
  }

  private static void flushRows(BlockOutput blocks, int tableIndex, BinaryOut batch, int count) throws IOException {
    BinaryOut body = new BinaryOut(batch.size() + 16);
    body.writeVarInt(tableIndex).writeVarInt(count);
    body.writeBytes(batch.buffer(), 0, batch.size());
    blocks.write(DumpFormat.ROWS, body);
  }

  private static long writeKv(BlockOutput blocks, KvStore kv) throws IOException {
    List<String> keys = new ArrayList<>(kv.keys("*"));
    keys.sort(null);
    BinaryOut batch = new BinaryOut();
    int inBatch = 0;
    long written = 0;
    for (String key : keys) {
      KeyType type = kv.type(key);
      long deadline = deadline(kv, key);
      if (deadline == GONE) {
        continue; // deleted or expired since the listing
      }
      if (type == KeyType.STR) {
        String value = kv.get(key);
        if (value == null) {
          continue;
        }
        batch.writeByte(deadline == KvStore.NO_EXPIRY ? DumpFormat.KV_STR : DumpFormat.KV_STR_EXPIRING)
            .writeString(key).writeString(value);
      } else if (type == KeyType.DICT) {
        Map<String, String> fields = kv.dictGetAll(key);
        if (fields.isEmpty()) {
          continue;
        }
        batch.writeByte(deadline == KvStore.NO_EXPIRY ? DumpFormat.KV_DICT : DumpFormat.KV_DICT_EXPIRING)
            .writeString(key).writeVarInt(fields.size());
        for (Map.Entry<String, String> e : fields.entrySet()) {
          batch.writeString(e.getKey()).writeString(e.getValue());
        }
      } else {
        continue;
      }
      if (deadline != KvStore.NO_EXPIRY) {
        batch.writeVarLong(deadline);
      }
      inBatch++;
      written++;
      if (batch.size() >= DumpFormat.TARGET_BLOCK_BYTES) {
        flushKv(blocks, batch, inBatch);
        batch = new BinaryOut();
        inBatch = 0;
      }
    }
    if (inBatch > 0) {
      flushKv(blocks, batch, inBatch);
    }
    return written;
  }

  private static final long GONE = -1;

  /**
   * The key's absolute deadline, {@link KvStore#NO_EXPIRY}, or {@link #GONE}. Stores keep only a
   * time-to-live, so the deadline is rebuilt from the wall clock; a store without expiry has none.
   */
  private static long deadline(KvStore kv, String key) {
    long ttl;
    try {
      ttl = kv.ttlMillis(key);
    } catch (DstException e) {
      if (e.code() == ErrorCode.UNSUPPORTED) {
        return KvStore.NO_EXPIRY;
      }
      throw e;
    }
    if (ttl == KvStore.TTL_ABSENT) {
      return GONE;
    }
    return ttl == KvStore.TTL_NONE ? KvStore.NO_EXPIRY : System.currentTimeMillis() + Math.max(ttl, 1);
  }

  private static void flushKv(BlockOutput blocks, BinaryOut batch, int count) throws IOException {
    BinaryOut body = new BinaryOut(batch.size() + 8);
    body.writeVarInt(count);
    body.writeBytes(batch.buffer(), 0, batch.size());
    blocks.write(DumpFormat.KV, body);
  }
}
