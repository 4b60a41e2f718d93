package io.dst.node.protocol;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.expr.SortKey;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary forms of the values, predicates, specs and schemas the protocol carries. A value is a
 * tag byte followed by its body; the tags cover every value class a Dst row or kv answer can hold.
 * Readers throw {@link DstException} with CORRUPT_DATA on anything they do not recognise, which the
 * transport treats as a bad frame.
 */
public final class Wire {
  private static final int MAX_COLLECTION = 1 << 24;

  static final byte NULL = 0;
  static final byte STRING = 1;
  static final byte INT = 2;
  static final byte LONG = 3;
  static final byte DOUBLE = 4;
  static final byte BOOL = 5;
  static final byte BYTES = 6;
  static final byte LIST = 7;
  static final byte DOUBLES = 8;
  static final byte ROW = 9;
  static final byte MAP = 10;

  private Wire() {}

  public static void writeString(ByteBuf buf, String s) {
    if (s == null) {
      buf.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    buf.writeInt(bytes.length);
    buf.writeBytes(bytes);
  }

  /** A string field that a well-formed frame never leaves null (keys, table names, patterns). */
  public static String readRequiredString(ByteBuf buf, String field) {
    String s = readString(buf);
    if (s == null) {
      throw corrupt(field + " is null");
    }
    return s;
  }

  public static String readString(ByteBuf buf) {
    int n = buf.readInt();
    if (n == -1) {
      return null;
    }
    checkLength(buf, n);
    String s = buf.toString(buf.readerIndex(), n, StandardCharsets.UTF_8);
    buf.skipBytes(n);
    return s;
  }

  public static void writeBytes(ByteBuf buf, byte[] bytes) {
    buf.writeInt(bytes.length);
    buf.writeBytes(bytes);
  }

  public static byte[] readBytes(ByteBuf buf) {
    int n = buf.readInt();
    checkLength(buf, n);
    byte[] bytes = new byte[n];
    buf.readBytes(bytes);
    return bytes;
  }

  static void checkLength(ByteBuf buf, int n) {
    if (n < 0 || n > buf.readableBytes()) {
      throw corrupt("length " + n + " exceeds the " + buf.readableBytes() + " bytes left");
    }
  }

  static int readCount(ByteBuf buf) {
    int n = buf.readInt();
    if (n < 0 || n > MAX_COLLECTION) {
      throw corrupt("bad element count " + n);
    }
    return n;
  }

  static DstException corrupt(String what) {
    return new DstException(ErrorCode.CORRUPT_DATA, "malformed message: " + what);
  }

  public static void writeValue(ByteBuf buf, Object v) {
    if (v == null) {
      buf.writeByte(NULL);
    } else if (v instanceof String s) {
      buf.writeByte(STRING);
      writeString(buf, s);
    } else if (v instanceof Integer i) {
      buf.writeByte(INT).writeInt(i);
    } else if (v instanceof Long l) {
      buf.writeByte(LONG).writeLong(l);
    } else if (v instanceof Double d) {
      buf.writeByte(DOUBLE).writeDouble(d);
    } else if (v instanceof Boolean b) {
      buf.writeByte(BOOL).writeBoolean(b);
    } else if (v instanceof byte[] bytes) {
      buf.writeByte(BYTES);
      writeBytes(buf, bytes);
    } else if (v instanceof double[] ds) {
      buf.writeByte(DOUBLES).writeInt(ds.length);
      for (double d : ds) {
        buf.writeDouble(d);
      }
    } else if (v instanceof Object[] row) {
      buf.writeByte(ROW).writeInt(row.length);
      for (Object o : row) {
        writeValue(buf, o);
      }
    } else if (v instanceof List<?> list) {
      buf.writeByte(LIST).writeInt(list.size());
      for (Object o : list) {
        writeValue(buf, o);
      }
    } else if (v instanceof Map<?, ?> map) {
      buf.writeByte(MAP).writeInt(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writeValue(buf, e.getKey());
        writeValue(buf, e.getValue());
      }
    } else if (v instanceof Short || v instanceof Byte) {
      buf.writeByte(INT).writeInt(((Number) v).intValue());
    } else if (v instanceof Float f) {
      buf.writeByte(DOUBLE).writeDouble(f);
    } else {
      throw new DstException(ErrorCode.TYPE_MISMATCH,
          "cannot send a value of class " + v.getClass().getName());
    }
  }

  public static Object readValue(ByteBuf buf) {
    byte tag = buf.readByte();
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        return readString(buf);
      case INT:
        return buf.readInt();
      case LONG:
        return buf.readLong();
      case DOUBLE:
        return buf.readDouble();
      case BOOL:
        return buf.readBoolean();
      case BYTES:
        return readBytes(buf);
      case DOUBLES: {
        int n = readCount(buf);
        double[] ds = new double[n];
        for (int i = 0; i < n; i++) {
          ds[i] = buf.readDouble();
        }
        return ds;
      }
      case ROW: {
        int n = readCount(buf);
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = readValue(buf);
        }
        return row;
      }
      case LIST: {
        int n = readCount(buf);
        List<Object> list = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
          list.add(readValue(buf));
        }
        return java.util.Collections.unmodifiableList(list);
      }
      case MAP: {
        int n = readCount(buf);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(readValue(buf), readValue(buf));
        }
        return map;
      }
      default:
        throw corrupt("unknown value tag " + tag);
    }
  }

  public static void writeInts(ByteBuf buf, int[] ints) {
    if (ints == null) {
      buf.writeInt(-1);
      return;
    }
    buf.writeInt(ints.length);
    for (int i : ints) {
      buf.writeInt(i);
    }
  }

  public static int[] readInts(ByteBuf buf) {
    int n = buf.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > MAX_COLLECTION) {
      throw corrupt("bad int array length " + n);
    }
    int[] ints = new int[n];
    for (int i = 0; i < n; i++) {
      ints[i] = buf.readInt();
    }
    return ints;
  }

  public static void writeStrings(ByteBuf buf, List<String> strings) {
    buf.writeInt(strings.size());
    for (String s : strings) {
      writeString(buf, s);
    }
  }

  public static List<String> readStrings(ByteBuf buf) {
    int n = readCount(buf);
    List<String> out = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      out.add(readString(buf));
    }
    return out;
  }

  private static final byte P_TRUE = 0;
  private static final byte P_COMPARE = 1;
  private static final byte P_IN = 2;
  private static final byte P_IS_NULL = 3;
  private static final byte P_LIKE = 4;
  private static final byte P_AND = 5;
  private static final byte P_OR = 6;
  private static final byte P_NOT = 7;

  public static void writePredicate(ByteBuf buf, Predicate p) {
    if (p instanceof Predicate.True) {
      buf.writeByte(P_TRUE);
    } else if (p instanceof Predicate.Compare c) {
      buf.writeByte(P_COMPARE).writeInt(c.column()).writeByte(c.op().ordinal());
      writeValue(buf, c.value());
    } else if (p instanceof Predicate.In in) {
      buf.writeByte(P_IN).writeInt(in.column());
      writeValue(buf, in.values());
    } else if (p instanceof Predicate.IsNull n) {
      buf.writeByte(P_IS_NULL).writeInt(n.column());
    } else if (p instanceof Predicate.Like l) {
      buf.writeByte(P_LIKE).writeInt(l.column());
      writeString(buf, l.pattern());
      buf.writeChar(l.escape());
    } else if (p instanceof Predicate.And a) {
      buf.writeByte(P_AND).writeInt(a.terms().size());
      a.terms().forEach(t -> writePredicate(buf, t));
    } else if (p instanceof Predicate.Or o) {
      buf.writeByte(P_OR).writeInt(o.terms().size());
      o.terms().forEach(t -> writePredicate(buf, t));
    } else if (p instanceof Predicate.Not n) {
      buf.writeByte(P_NOT);
      writePredicate(buf, n.term());
    }
  }

  public static Predicate readPredicate(ByteBuf buf) {
    byte tag = buf.readByte();
    switch (tag) {
      case P_TRUE:
        return Predicate.alwaysTrue();
      case P_COMPARE: {
        int column = buf.readInt();
        CompareOp op = enumOf(CompareOp.values(), buf.readByte(), "comparison");
        Object value = readValue(buf);
        if (value == null) {
          throw corrupt("comparison with a null literal");
        }
        return new Predicate.Compare(column, op, value);
      }
      case P_IN: {
        int column = buf.readInt();
        Object values = readValue(buf);
        if (!(values instanceof List<?> list)) {
          throw corrupt("IN without a value list");
        }
        return new Predicate.In(column, new ArrayList<>(list));
      }
      case P_IS_NULL:
        return new Predicate.IsNull(buf.readInt());
      case P_LIKE:
        return new Predicate.Like(buf.readInt(), readRequiredString(buf, "LIKE pattern"), buf.readChar());
      case P_AND:
        return new Predicate.And(readTerms(buf));
      case P_OR:
        return new Predicate.Or(readTerms(buf));
      case P_NOT:
        return new Predicate.Not(readPredicate(buf));
      default:
        throw corrupt("unknown predicate tag " + tag);
    }
  }

  private static List<Predicate> readTerms(ByteBuf buf) {
    int n = readCount(buf);
    List<Predicate> terms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      terms.add(readPredicate(buf));
    }
    return terms;
  }

  static <E extends Enum<E>> E enumOf(E[] values, int ordinal, String what) {
    if (ordinal < 0 || ordinal >= values.length) {
      throw corrupt("unknown " + what + " " + ordinal);
    }
    return values[ordinal];
  }

  public static void writeScanSpec(ByteBuf buf, ScanSpec spec) {
    writePredicate(buf, spec.filter());
    writeInts(buf, spec.projection());
    buf.writeInt(spec.sort().size());
    for (SortKey k : spec.sort()) {
      buf.writeInt(k.column()).writeBoolean(k.descending()).writeBoolean(k.nullsFirst());
    }
    buf.writeLong(spec.limit());
  }

  public static ScanSpec readScanSpec(ByteBuf buf) {
    Predicate filter = readPredicate(buf);
    int[] projection = readInts(buf);
    int n = readCount(buf);
    List<SortKey> sort = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sort.add(new SortKey(buf.readInt(), buf.readBoolean(), buf.readBoolean()));
    }
    return new ScanSpec(filter, projection, sort, buf.readLong());
  }

  public static void writeAggregateSpec(ByteBuf buf, AggregateSpec spec) {
    writePredicate(buf, spec.filter());
    writeInts(buf, spec.groupBy());
    buf.writeInt(spec.calls().size());
    for (AggregateCall c : spec.calls()) {
      buf.writeByte(c.function().ordinal()).writeInt(c.column());
    }
  }

  public static AggregateSpec readAggregateSpec(ByteBuf buf) {
    Predicate filter = readPredicate(buf);
    int[] groupBy = readInts(buf);
    int n = readCount(buf);
    List<AggregateCall> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      AggregateFunction f = enumOf(AggregateFunction.values(), buf.readByte(), "aggregate");
      calls.add(new AggregateCall(f, buf.readInt()));
    }
    return new AggregateSpec(filter, groupBy, calls);
  }

  public static void writeSchema(ByteBuf buf, TableSchema schema) {
    writeString(buf, schema.name());
    buf.writeInt(schema.columns().size());
    for (Column c : schema.columns()) {
      writeString(buf, c.name());
      buf.writeByte(c.type().element().ordinal());
      buf.writeBoolean(c.type().array());
      buf.writeBoolean(c.primaryKey());
      buf.writeBoolean(c.indexed());
      buf.writeBoolean(c.nullable());
    }
    buf.writeInt(schema.extraIndexes().size());
    schema.extraIndexes().forEach(ix -> writeStrings(buf, ix));
  }

  public static TableSchema readSchema(ByteBuf buf) {
    String name = readRequiredString(buf, "table name");
    int n = readCount(buf);
    List<Column> columns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String column = readRequiredString(buf, "column name");
      ScalarType scalar = enumOf(ScalarType.values(), buf.readByte(), "column type");
      ColumnType type = new ColumnType(scalar, buf.readBoolean());
      columns.add(new Column(column, type, buf.readBoolean(), buf.readBoolean(), buf.readBoolean()));
    }
    int indexes = readCount(buf);
    List<List<String>> extra = new ArrayList<>(indexes);
    for (int i = 0; i < indexes; i++) {
      extra.add(readStrings(buf));
    }
    return new TableSchema(name, columns, extra);
  }
}
