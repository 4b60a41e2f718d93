package io.dst.engine.dump;

import io.dst.engine.DstException;
import io.dst.engine.api.KvStore;
import io.dst.engine.codec.BinaryIn;
import io.dst.engine.codec.SchemaCodec;
import io.dst.engine.schema.TableSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dump as a stream, verifying every block's CRC32C, the order of blocks, the per-table row
 * counts, and the trailer's counts and whole-file CRC32C, and hands the contents to a {@link
 * DumpVisitor} block by block. A corrupt or truncated file fails with CORRUPT_DATA naming the
 * block and byte offset; blocks before the damage have already been given to the visitor, so a
 * caller that must not act on a damaged file reads it once with a do-nothing visitor first.
 */
public final class DumpReader {
  private DumpReader() {}

  public static DumpSummary read(Path file, DumpVisitor visitor) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in, file.toString(), visitor);
    }
  }

  /** Reads a whole dump from {@code in}; {@code name} names the dump in errors. */
  public static DumpSummary read(InputStream in, String name, DumpVisitor visitor) throws IOException {
    BlockInput blocks = new BlockInput(in, name);
    if (!blocks.next("header")) {
      throw new DstException(io.dst.engine.ErrorCode.CORRUPT_DATA, "dump " + name
          + " is truncated: it ends at byte " + blocks.offset() + ", before its header");
    }
    if (blocks.type() != DumpFormat.HEADER) {
      throw blocks.corrupt("header", "the first block is " + DumpFormat.typeName(blocks.type()) + ", not the header");
    }
    DumpHeader header = parse(blocks, "header", in2 -> {
      int version = in2.readVarInt();
      if (version != DumpFormat.VERSION) {
        throw in2.corrupt("format version " + version + " is not one this Dst reads (" + DumpFormat.VERSION + ")");
      }
      return new DumpHeader(version, in2.readLong(), in2.readCount(1 << 20), in2.readString(), in2.readString());
    });
    visitor.header(header);

    Map<String, Long> rowsPerTable = new LinkedHashMap<>();
    TableSchema current = null;
    int tableIndex = -1;
    long tableRows = 0;
    long totalRows = 0;
    long kvKeys = 0;
    while (true) {
      String expected = current != null ? "rows of table " + current.name()
          : tableIndex + 1 < header.tableCount() ? "table definition" : "kv data or trailer";
      if (!blocks.next(expected)) {
        throw new DstException(io.dst.engine.ErrorCode.CORRUPT_DATA, "dump " + name + " is truncated: it ends at byte "
            + blocks.offset() + " after block #" + blocks.blocks() + ", without its trailer (expected " + expected + ")");
      }
      int type = blocks.type();
      if (type == DumpFormat.TABLE) {
        if (current != null || tableIndex + 1 >= header.tableCount()) {
          throw blocks.corrupt(expected, "an unexpected table definition (the header announced "
              + header.tableCount() + " tables)");
        }
        Object[] def = parse(blocks, "table definition", b -> new Object[] {SchemaCodec.read(b), b.readCount(1 << 16)});
        current = (TableSchema) def[0];
        tableIndex++;
        tableRows = 0;
        visitor.table(current, (Integer) def[1]);
      } else if (type == DumpFormat.ROWS) {
        if (current == null) {
          throw blocks.corrupt(expected, "rows outside of a table");
        }
        TableSchema schema = current;
        int index = tableIndex;
        List<Object[]> rows = parse(blocks, expected, b -> readRows(b, schema, index));
        tableRows += rows.size();
        totalRows += rows.size();
        visitor.rows(schema, rows);
      } else if (type == DumpFormat.TABLE_END) {
        if (current == null) {
          throw blocks.corrupt(expected, "an end of table outside of a table");
        }
        int index = tableIndex;
        long counted = tableRows;
        parse(blocks, "end of table " + current.name(), b -> {
          int t = b.readVarInt();
          long n = b.readVarLong();
          if (t != index || n != counted) {
            throw b.corrupt("it closes table #" + t + " with " + n + " rows, but table #" + index + " had "
                + counted + " rows");
          }
          return null;
        });
        rowsPerTable.put(current.name(), tableRows);
        current = null;
      } else if (type == DumpFormat.KV) {
        if (current != null || tableIndex + 1 < header.tableCount()) {
          throw blocks.corrupt(expected, "kv data before the last table ended");
        }
        List<Object[]> entries = parse(blocks, "kv data", DumpReader::readKv);
        for (Object[] e : entries) {
          long deadline = (Long) e[2];
          if (e[1] instanceof String value) {
            visitor.str((String) e[0], value, deadline);
          } else {
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) e[1];
            visitor.dict((String) e[0], fields, deadline);
          }
        }
        kvKeys += entries.size();
      } else if (type == DumpFormat.TRAILER) {
        if (current != null || tableIndex + 1 < header.tableCount()) {
          throw blocks.corrupt(expected, "the trailer comes before all " + header.tableCount() + " tables");
        }
        long rows = totalRows;
        long keys = kvKeys;
        int before = blocks.blocks() - 1;
        int crc = blocks.crcBeforeBlock();
        parse(blocks, "trailer", b -> {
          int tables = b.readVarInt();
          long n = b.readVarLong();
          long k = b.readVarLong();
          int count = b.readVarInt();
          int fileCrc = b.readInt();
          if (tables != header.tableCount() || n != rows || k != keys || count != before) {
            throw b.corrupt(String.format("it counts %d tables, %d rows, %d kv keys in %d blocks, but the file "
                + "holds %d, %d, %d in %d", tables, n, k, count, header.tableCount(), rows, keys, before));
          }
          if (fileCrc != crc) {
            throw b.corrupt(String.format("whole-file CRC32C mismatch (stored %08x, computed %08x)", fileCrc, crc));
          }
          return null;
        });
        if (!blocks.atEof()) {
          throw new DstException(io.dst.engine.ErrorCode.CORRUPT_DATA, "dump " + name
              + " is corrupt: there are bytes after its trailer, at byte " + blocks.offset());
        }
        return new DumpSummary(header, rowsPerTable, kvKeys, blocks.offset());
      } else {
        throw blocks.corrupt(expected, "unknown block type " + DumpFormat.typeName(type));
      }
    }
  }

  private static List<Object[]> readRows(BinaryIn b, TableSchema schema, int tableIndex) {
    int t = b.readVarInt();
    if (t != tableIndex) {
      throw b.corrupt("rows of table #" + t + " inside table #" + tableIndex);
    }
    int n = b.readCount(DumpFormat.MAX_BLOCK_BYTES);
    int columns = schema.columnCount();
    List<Object[]> rows = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      Object[] row = new Object[columns];
      for (int c = 0; c < columns; c++) {
        row[c] = b.readValue();
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Object[]> readKv(BinaryIn b) {
    int n = b.readCount(DumpFormat.MAX_BLOCK_BYTES);
    List<Object[]> out = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      int kind = b.readByte();
      String key = b.readString();
      if (kind == DumpFormat.KV_STR || kind == DumpFormat.KV_STR_EXPIRING) {
        String value = b.readString();
        long deadline = kind == DumpFormat.KV_STR_EXPIRING ? readDeadline(b, key) : KvStore.NO_EXPIRY;
        out.add(new Object[] {key, value, deadline});
      } else if (kind == DumpFormat.KV_DICT || kind == DumpFormat.KV_DICT_EXPIRING) {
        int fields = b.readCount(DumpFormat.MAX_BLOCK_BYTES);
        Map<String, String> map = new LinkedHashMap<>();
        for (int f = 0; f < fields; f++) {
          map.put(b.readString(), b.readString());
        }
        long deadline = kind == DumpFormat.KV_DICT_EXPIRING ? readDeadline(b, key) : KvStore.NO_EXPIRY;
        out.add(new Object[] {key, map, deadline});
      } else {
        throw b.corrupt("unknown kv entry kind " + kind + " for key " + key);
      }
    }
    return out;
  }

  private static long readDeadline(BinaryIn b, String key) {
    long deadline = b.readVarLong();
    if (deadline <= 0) {
      throw b.corrupt("key " + key + " has an expiry deadline of " + deadline + " ms");
    }
    return deadline;
  }

  private interface BodyParser<T> {
    T parse(BinaryIn in);
  }

  /** Parses the current block's body whole; a body with bytes left over is corrupt too. */
  private static <T> T parse(BlockInput blocks, String context, BodyParser<T> parser) {
    BinaryIn in = new BinaryIn(blocks.body(), 0, blocks.bodyLength(), "its body");
    T value;
    try {
      value = parser.parse(in);
    } catch (DstException e) {
      throw blocks.corrupt(context, e.getMessage());
    }
    if (!in.atEnd()) {
      throw blocks.corrupt(context, (blocks.bodyLength() - in.position()) + " unread bytes at the end of its body");
    }
    return value;
  }
}
