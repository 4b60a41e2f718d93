package io.dst.node.protocol;

import io.dst.node.protocol.Command.CreateIndex;
import io.dst.node.protocol.Command.CreateTable;
import io.dst.node.protocol.Command.Delete;
import io.dst.node.protocol.Command.DictDelete;
import io.dst.node.protocol.Command.DictPut;
import io.dst.node.protocol.Command.Insert;
import io.dst.node.protocol.Command.KvAppend;
import io.dst.node.protocol.Command.KvDelete;
import io.dst.node.protocol.Command.KvIncrement;
import io.dst.node.protocol.Command.KvPut;
import io.dst.node.protocol.Command.Update;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a {@link Command} to the bytes that travel in a WRITE frame and are stored, unchanged, as
 * a log entry's payload: a type byte, then the command's fields in {@link Wire} form.
 */
public final class CommandCodec {
  private CommandCodec() {}

  public static byte[] encode(Command command) {
    ByteBuf buf = Unpooled.buffer(64);
    write(buf, command);
    byte[] out = new byte[buf.readableBytes()];
    buf.readBytes(out);
    return out;
  }

  public static Command decode(byte[] bytes) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    Command c = read(buf);
    if (buf.isReadable()) {
      throw Wire.corrupt(buf.readableBytes() + " trailing bytes after a command");
    }
    return c;
  }

  static void write(ByteBuf buf, Command command) {
    if (command instanceof KvPut c) {
      buf.writeByte(1);
      Wire.writeString(buf, c.key());
      Wire.writeString(buf, c.value());
    } else if (command instanceof KvDelete c) {
      buf.writeByte(2);
      Wire.writeString(buf, c.key());
    } else if (command instanceof KvIncrement c) {
      buf.writeByte(3);
      Wire.writeString(buf, c.key());
      buf.writeLong(c.delta());
    } else if (command instanceof KvAppend c) {
      buf.writeByte(4);
      Wire.writeString(buf, c.key());
      Wire.writeString(buf, c.suffix());
    } else if (command instanceof DictPut c) {
      buf.writeByte(5);
      Wire.writeString(buf, c.dict());
      Wire.writeValue(buf, c.fields());
    } else if (command instanceof DictDelete c) {
      buf.writeByte(6);
      Wire.writeString(buf, c.dict());
      Wire.writeStrings(buf, c.fields());
    } else if (command instanceof Insert c) {
      buf.writeByte(7);
      Wire.writeString(buf, c.table());
      Wire.writeValue(buf, c.rows());
    } else if (command instanceof Update c) {
      buf.writeByte(8);
      Wire.writeString(buf, c.table());
      Wire.writePredicate(buf, c.filter());
      buf.writeInt(c.assignments().size());
      c.assignments().forEach((col, v) -> {
        buf.writeInt(col);
        Wire.writeValue(buf, v);
      });
    } else if (command instanceof Delete c) {
      buf.writeByte(9);
      Wire.writeString(buf, c.table());
      Wire.writePredicate(buf, c.filter());
    } else if (command instanceof CreateIndex c) {
      buf.writeByte(10);
      Wire.writeString(buf, c.table());
      Wire.writeString(buf, c.indexName());
      Wire.writeStrings(buf, c.columns());
    } else if (command instanceof CreateTable c) {
      buf.writeByte(11);
      Wire.writeSchema(buf, c.schema());
    }
  }

  @SuppressWarnings("unchecked")
  static Command read(ByteBuf buf) {
    byte type = buf.readByte();
    return switch (type) {
      case 1 -> new KvPut(Wire.readString(buf), Wire.readString(buf));
      case 2 -> new KvDelete(Wire.readString(buf));
      case 3 -> new KvIncrement(Wire.readString(buf), buf.readLong());
      case 4 -> new KvAppend(Wire.readString(buf), Wire.readString(buf));
      case 5 -> {
        String dict = Wire.readString(buf);
        Object fields = Wire.readValue(buf);
        if (!(fields instanceof Map<?, ?> m)) {
          throw Wire.corrupt("dict fields are not a map");
        }
        yield new DictPut(dict, (Map<String, String>) m);
      }
      case 6 -> new DictDelete(Wire.readString(buf), Wire.readStrings(buf));
      case 7 -> {
        String table = Wire.readString(buf);
        Object rows = Wire.readValue(buf);
        if (!(rows instanceof List<?> list)) {
          throw Wire.corrupt("insert rows are not a list");
        }
        List<Object[]> out = new ArrayList<>(list.size());
        for (Object r : list) {
          if (!(r instanceof Object[] row)) {
            throw Wire.corrupt("insert row is not a row");
          }
          out.add(row);
        }
        yield new Insert(table, out);
      }
      case 8 -> {
        String table = Wire.readString(buf);
        var filter = Wire.readPredicate(buf);
        int n = Wire.readCount(buf);
        Map<Integer, Object> assignments = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          assignments.put(buf.readInt(), Wire.readValue(buf));
        }
        yield new Update(table, filter, assignments);
      }
      case 9 -> new Delete(Wire.readString(buf), Wire.readPredicate(buf));
      case 10 -> new CreateIndex(Wire.readString(buf), Wire.readString(buf), Wire.readStrings(buf));
      case 11 -> new CreateTable(Wire.readSchema(buf));
      default -> throw Wire.corrupt("unknown command type " + type);
    };
  }
}
