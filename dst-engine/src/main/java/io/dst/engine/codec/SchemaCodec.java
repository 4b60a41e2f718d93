package io.dst.engine.codec;

import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** Binary form of a {@link TableSchema}, shared by CreateTable log entries and snapshots. */
public final class SchemaCodec {
  private SchemaCodec() {}

  public static void write(BinaryOut out, TableSchema schema) {
    out.writeString(schema.name());
    out.writeVarInt(schema.columns().size());
    for (Column c : schema.columns()) {
      out.writeString(c.name());
      out.writeByte(c.type().element().ordinal());
      int flags = (c.type().array() ? 1 : 0) | (c.primaryKey() ? 2 : 0) | (c.indexed() ? 4 : 0)
          | (c.nullable() ? 8 : 0);
      out.writeByte(flags);
    }
    out.writeVarInt(schema.extraIndexes().size());
    for (List<String> idx : schema.extraIndexes()) {
      out.writeVarInt(idx.size());
      for (String c : idx) {
        out.writeString(c);
      }
    }
  }

  public static TableSchema read(BinaryIn in) {
    String name = in.readString();
    int n = in.readCount(4096);
    List<Column> cols = new ArrayList<>(n);
    ScalarType[] scalars = ScalarType.values();
    for (int i = 0; i < n; i++) {
      String cname = in.readString();
      int t = in.readByte();
      if (t >= scalars.length) {
        throw in.corrupt("unknown scalar type " + t + " of column " + cname);
      }
      int flags = in.readByte();
      cols.add(new Column(cname, new ColumnType(scalars[t], (flags & 1) != 0), (flags & 2) != 0,
          (flags & 4) != 0, (flags & 8) != 0));
    }
    int k = in.readCount(4096);
    List<List<String>> extra = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int m = in.readCount(4096);
      List<String> idx = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        idx.add(in.readString());
      }
      extra.add(List.copyOf(idx));
    }
    try {
      return new TableSchema(name, cols, extra);
    } catch (RuntimeException e) {
      throw in.corrupt("invalid schema (" + e.getMessage() + ")");
    }
  }
}
