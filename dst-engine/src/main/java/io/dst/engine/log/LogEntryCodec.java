package io.dst.engine.log;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.codec.BinaryIn;
import io.dst.engine.codec.BinaryOut;
import io.dst.engine.codec.Checksums;
import io.dst.engine.codec.PredicateCodec;
import io.dst.engine.codec.SchemaCodec;
import io.dst.engine.api.KvStore;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary log entry format of a {@link Mutation}: a format version byte, a type byte, the
 * type's fields (varints, length-prefixed UTF-8, tagged values), then the CRC32C of all of that as 4
 * big-endian bytes. The encoding is canonical: equal mutations encode to equal bytes.
 */
public final class LogEntryCodec {
  /** The format version written in the first byte of every entry. */
  public static final int VERSION = 1;

  private static final String WHAT = "log entry";
  private static final int STR_PUT = 1;
  private static final int STR_DELETE = 2;
  private static final int STR_INCR = 3;
  private static final int STR_APPEND = 4;
  private static final int DICT_PUT = 5;
  private static final int DICT_DELETE = 6;
  private static final int CREATE_TABLE = 7;
  private static final int DROP_TABLE = 8;
  private static final int CREATE_INDEX = 9;
  private static final int INSERT = 10;
  private static final int UPDATE = 11;
  private static final int DELETE = 12;
  private static final int STR_SET = 13;
  private static final int EXPIRE = 14;
  private static final int DROP_EXPIRED = 15;
  private static final int KV_BATCH = 16;
  /** An {@link Mutation.Expire} with a condition; unconditional ones keep type 14's bytes. */
  private static final int EXPIRE_IF = 17;
  private static final KvStore.SetCondition[] CONDITIONS = KvStore.SetCondition.values();
  private static final KvStore.ExpiryCondition[] EXPIRY_CONDITIONS =
      KvStore.ExpiryCondition.values();

  private LogEntryCodec() {}

  /**
   * Whether {@code m} decodes from its encoding to an equal mutation, so that a primary may apply
   * the object it encoded rather than its bytes. Known for the common kv writes: their strings
   * survive UTF-8 unless they hold an unpaired surrogate, which encodes as '?'. Other mutations
   * answer false (their bytes are then decoded, as every replica does).
   */
  public static boolean roundTrips(Mutation m) {
    if (m instanceof Mutation.KvBatch b) {
      for (Mutation each : b.mutations()) {
        if (!roundTrips(each)) {
          return false;
        }
      }
      return true;
    }
    if (m instanceof Mutation.StrPut p) {
      return wellFormed(p.key()) && wellFormed(p.value());
    }
    if (m instanceof Mutation.StrSet p) {
      return wellFormed(p.key()) && wellFormed(p.value());
    }
    if (m instanceof Mutation.DropExpired d) {
      return wellFormed(d.key());
    }
    if (m instanceof Mutation.DictPut p) {
      if (!wellFormed(p.key())) {
        return false;
      }
      for (Map.Entry<String, String> f : p.fields().entrySet()) {
        if (!wellFormed(f.getKey()) || !wellFormed(f.getValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** True when {@code s} has no surrogate code unit at all (null counts as well formed). */
  private static boolean wellFormed(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return false; // paired ones round-trip too, but are rare enough to take the slow path
      }
    }
    return true;
  }

  public static byte[] encode(Mutation m) {
    BinaryOut out = new BinaryOut(64);
    out.writeByte(VERSION);
    if (m instanceof Mutation.KvBatch b) {
      out.writeByte(KV_BATCH).writeVarInt(b.partition()).writeVarInt(b.mutations().size());
      for (Mutation each : b.mutations()) {
        writeBody(out, each);
      }
    } else {
      writeBody(out, m);
    }
    return Checksums.seal(out);
  }

  /** The type byte and fields of one (non-batch) mutation. */
  private static void writeBody(BinaryOut out, Mutation m) {
    if (m instanceof Mutation.StrPut p) {
      out.writeByte(STR_PUT).writeString(p.key()).writeString(p.value());
    } else if (m instanceof Mutation.StrSet p) {
      out.writeByte(STR_SET).writeString(p.key()).writeString(p.value())
          .writeByte(p.condition().ordinal()).writeVarLong(p.expiresAtMillis())
          .writeVarLong(p.nowMillis());
    } else if (m instanceof Mutation.Expire e
        && e.condition() == KvStore.ExpiryCondition.ALWAYS) {
      out.writeByte(EXPIRE).writeString(e.key()).writeVarLong(e.expiresAtMillis())
          .writeVarLong(e.nowMillis());
    } else if (m instanceof Mutation.Expire e) {
      out.writeByte(EXPIRE_IF).writeString(e.key()).writeVarLong(e.expiresAtMillis())
          .writeVarLong(e.nowMillis()).writeByte(e.condition().ordinal());
    } else if (m instanceof Mutation.DropExpired d) {
      out.writeByte(DROP_EXPIRED).writeString(d.key()).writeVarLong(d.deadlineMillis());
    } else if (m instanceof Mutation.StrDelete d) {
      out.writeByte(STR_DELETE).writeString(d.key());
    } else if (m instanceof Mutation.StrIncr i) {
      out.writeByte(STR_INCR).writeString(i.key()).writeVarLong(i.delta());
    } else if (m instanceof Mutation.StrAppend a) {
      out.writeByte(STR_APPEND).writeString(a.key()).writeString(a.suffix());
    } else if (m instanceof Mutation.DictPut p) {
      out.writeByte(DICT_PUT).writeString(p.key()).writeVarInt(p.fields().size());
      p.fields().forEach((k, v) -> out.writeString(k).writeString(v));
    } else if (m instanceof Mutation.DictDelete d) {
      out.writeByte(DICT_DELETE).writeString(d.key()).writeVarInt(d.fields().size());
      d.fields().forEach(out::writeString);
    } else if (m instanceof Mutation.CreateTable c) {
      out.writeByte(CREATE_TABLE);
      SchemaCodec.write(out, c.schema());
      out.writeVarInt(c.partitions()).writeBool(c.ifNotExists());
    } else if (m instanceof Mutation.DropTable d) {
      out.writeByte(DROP_TABLE).writeString(d.table()).writeBool(d.ifExists());
    } else if (m instanceof Mutation.CreateIndex c) {
      out.writeByte(CREATE_INDEX).writeString(c.table()).writeString(c.indexName())
          .writeVarInt(c.columns().size());
      c.columns().forEach(out::writeString);
    } else if (m instanceof Mutation.Insert ins) {
      out.writeByte(INSERT).writeString(ins.table()).writeVarInt(ins.partition())
          .writeVarInt(ins.rows().size());
      for (Object[] row : ins.rows()) {
        out.writeVarInt(row.length);
        for (Object v : row) {
          writeValue(out, v);
        }
      }
    } else if (m instanceof Mutation.Update u) {
      out.writeByte(UPDATE).writeString(u.table()).writeVarInt(u.partition());
      PredicateCodec.write(out, u.filter());
      out.writeVarInt(u.assignments().size());
      for (Map.Entry<Integer, Object> e : u.assignments().entrySet()) {
        out.writeVarInt(e.getKey());
        writeValue(out, e.getValue());
      }
    } else if (m instanceof Mutation.Delete d) {
      out.writeByte(DELETE).writeString(d.table()).writeVarInt(d.partition());
      PredicateCodec.write(out, d.filter());
    } else {
      throw new IllegalArgumentException("cannot encode " + m + " here");
    }
  }

  private static void writeValue(BinaryOut out, Object v) {
    try {
      out.writeValue(v);
    } catch (IllegalArgumentException e) {
      throw new DstException(ErrorCode.TYPE_MISMATCH, "cannot write " + e.getMessage());
    }
  }

  /** Decodes an entry, refusing it with CORRUPT_DATA when its checksum or structure is wrong. */
  public static Mutation decode(byte[] entry) {
    BinaryIn in = Checksums.open(entry, WHAT);
    int version = in.readByte();
    if (version != VERSION) {
      throw in.corrupt("unknown format version " + version);
    }
    int type = in.readByte();
    Mutation m;
    if (type == KV_BATCH) {
      int partition = in.readCount(Mutation.KV_PARTITIONS - 1);
      int n = in.readCount(entry.length);
      List<Mutation> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int itemType = in.readByte();
        if (itemType == KV_BATCH) {
          throw in.corrupt("a kv batch inside a kv batch");
        }
        items.add(readBody(in, itemType, entry.length));
      }
      m = new Mutation.KvBatch(partition, items);
    } else {
      m = readBody(in, type, entry.length);
    }
    if (!in.atEnd()) {
      throw in.corrupt("trailing bytes after a " + m.getClass().getSimpleName());
    }
    return m;
  }

  private static Mutation readBody(BinaryIn in, int type, int entryLength) {
    return switch (type) {
      case STR_PUT -> new Mutation.StrPut(in.readString(), in.readString());
      case STR_DELETE -> new Mutation.StrDelete(in.readString());
      case STR_SET -> {
        String key = in.readString();
        String value = in.readString();
        int condition = in.readByte();
        if (condition < 0 || condition >= CONDITIONS.length) {
          throw in.corrupt("unknown set condition " + condition);
        }
        long expiresAt = in.readVarLong();
        if (expiresAt < KvStore.KEEP_EXPIRY) {
          throw in.corrupt("negative deadline " + expiresAt);
        }
        yield new Mutation.StrSet(key, value, CONDITIONS[condition], expiresAt, in.readVarLong());
      }
      case EXPIRE -> {
        String key = in.readString();
        long expiresAt = in.readVarLong();
        if (expiresAt < 0) {
          throw in.corrupt("negative deadline " + expiresAt);
        }
        yield new Mutation.Expire(key, expiresAt, in.readVarLong());
      }
      case EXPIRE_IF -> {
        String key = in.readString();
        long expiresAt = in.readVarLong();
        if (expiresAt <= 0) {
          throw in.corrupt("conditional expire with deadline " + expiresAt);
        }
        long now = in.readVarLong();
        int condition = in.readByte();
        // ALWAYS is written as a plain EXPIRE, so here it would be a second encoding of one value.
        if (condition <= 0 || condition >= EXPIRY_CONDITIONS.length) {
          throw in.corrupt("expiry condition " + condition + " is not in 1.."
              + (EXPIRY_CONDITIONS.length - 1));
        }
        yield new Mutation.Expire(key, expiresAt, now, EXPIRY_CONDITIONS[condition]);
      }
      case DROP_EXPIRED -> new Mutation.DropExpired(in.readString(), in.readVarLong());
      case STR_INCR -> new Mutation.StrIncr(in.readString(), in.readVarLong());
      case STR_APPEND -> new Mutation.StrAppend(in.readString(), in.readString());
      case DICT_PUT -> {
        String key = in.readString();
        int n = in.readCount(entryLength);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          fields.put(in.readString(), in.readString());
        }
        yield new Mutation.DictPut(key, fields);
      }
      case DICT_DELETE -> {
        String key = in.readString();
        int n = in.readCount(entryLength);
        List<String> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          fields.add(in.readString());
        }
        yield new Mutation.DictDelete(key, fields);
      }
      case CREATE_TABLE -> {
        TableSchema schema = SchemaCodec.read(in);
        int partitions = in.readVarInt();
        yield new Mutation.CreateTable(schema, partitions, in.readBool());
      }
      case DROP_TABLE -> new Mutation.DropTable(in.readString(), in.readBool());
      case CREATE_INDEX -> {
        String table = in.readString();
        String name = in.readString();
        int n = in.readCount(4096);
        List<String> cols = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          cols.add(in.readString());
        }
        yield new Mutation.CreateIndex(table, name, cols);
      }
      case INSERT -> {
        String table = in.readString();
        int partition = in.readCount(Integer.MAX_VALUE);
        int n = in.readCount(entryLength);
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          Object[] row = new Object[in.readCount(4096)];
          for (int c = 0; c < row.length; c++) {
            row[c] = in.readValue();
          }
          rows.add(row);
        }
        yield new Mutation.Insert(table, partition, rows);
      }
      case UPDATE -> {
        String table = in.readString();
        int partition = in.readCount(Integer.MAX_VALUE);
        Predicate filter = PredicateCodec.read(in);
        int n = in.readCount(4096);
        Map<Integer, Object> assignments = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          assignments.put(in.readCount(4096), in.readValue());
        }
        yield new Mutation.Update(table, partition, filter, assignments);
      }
      case DELETE -> new Mutation.Delete(in.readString(), in.readCount(Integer.MAX_VALUE),
          PredicateCodec.read(in));
      default -> throw in.corrupt("unknown mutation type " + type);
    };
  }
}
