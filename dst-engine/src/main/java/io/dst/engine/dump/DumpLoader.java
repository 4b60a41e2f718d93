package io.dst.engine.dump;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.DataStore;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.TableSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Restores a dump into a {@link DataStore} (embedded or a cluster). It reads the file twice: first
 * to verify every checksum and count, so a damaged file changes nothing, then to load it. The
 * target must be empty unless {@link #replaceExisting} is set: then each table in the dump is
 * dropped and recreated, each kv key in the dump is overwritten, and everything else is kept.
 */
public final class DumpLoader {
  private final DataStore target;
  private boolean replaceExisting;
  private DumpWriter.Progress progress = rows -> {};

  public DumpLoader(DataStore target) {
    this.target = target;
  }

  /** Loads into a non-empty store, replacing the dump's tables and keys (the CLI's --force). */
  public DumpLoader replaceExisting(boolean replace) {
    this.replaceExisting = replace;
    return this;
  }

  /** Told the number of rows loaded so far, after each block. */
  public DumpLoader onProgress(DumpWriter.Progress progress) {
    this.progress = progress;
    return this;
  }

  public DumpSummary load(Path file) throws IOException {
    DumpReader.read(file, new DumpVisitor() {});
    if (!replaceExisting) {
      List<TableSchema> tables = target.tables();
      long keys = target.kv().size();
      if (!tables.isEmpty() || keys > 0) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "cannot load " + file + ": the target is not empty ("
            + tables.size() + " tables, " + keys + " kv keys); load into an empty store, or force it to "
            + "replace the dump's tables and keys (bin/dst load --force)");
      }
    }
    return DumpReader.read(file, new Restore());
  }

  /** Creates each table and inserts each block of rows as it arrives. */
  private final class Restore implements DumpVisitor {
    private TableData table;
    private long rows;

    @Override
    public void table(TableSchema schema, int partitions) {
      if (replaceExisting) {
        target.dropTable(schema.name(), true);
      }
      if (target instanceof EmbeddedStore embedded) {
        embedded.createTable(schema, partitions, false);
      } else {
        target.createTable(schema, false);
      }
      table = target.table(schema.name()).orElseThrow(() -> new DstException(ErrorCode.INTERNAL,
          "table " + schema.name() + " vanished right after it was created"));
    }

    @Override
    public void rows(TableSchema schema, List<Object[]> batch) {
      table.insert(batch);
      rows += batch.size();
      progress.rowsWritten(rows);
    }

    @Override
    public void str(String key, String value, long expiresAtMillis) {
      KvStore kv = target.kv();
      if (replaceExisting) {
        kv.delete(key);
      }
      if (expiresAtMillis == KvStore.NO_EXPIRY) {
        kv.put(key, value);
      } else if (!expired(expiresAtMillis)) {
        kv.set(key, value, KvStore.SetCondition.ALWAYS, expiresAtMillis);
      }
    }

    @Override
    public void dict(String key, Map<String, String> fields, long expiresAtMillis) {
      KvStore kv = target.kv();
      if (replaceExisting) {
        kv.delete(key);
      }
      if (expiresAtMillis == KvStore.NO_EXPIRY) {
        kv.dictPut(key, fields);
      } else if (!expired(expiresAtMillis)) {
        kv.dictPut(key, fields);
        kv.expireAt(key, expiresAtMillis);
      }
    }

    /** A key whose deadline passed while the dump sat on disk is not brought back. */
    private boolean expired(long expiresAtMillis) {
      return expiresAtMillis <= System.currentTimeMillis();
    }
  }
}
