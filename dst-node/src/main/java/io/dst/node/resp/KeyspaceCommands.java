package io.dst.node.resp;

import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import java.util.ArrayList;
import java.util.List;

/** Redis's generic key commands over Dst's kv key space: DEL, UNLINK, EXISTS, TYPE, KEYS, SCAN, DBSIZE. */
public final class KeyspaceCommands {
  private static final int DEFAULT_SCAN_COUNT = 10;

  private final KvStore kv;

  public KeyspaceCommands(KvStore kv) {
    this.kv = kv;
  }

  public void registerInto(CommandTable t) {
    t.add("del", -2, "write", 1, -1, 1, "generic", "Deletes one or more keys.", this::delete);
    t.add("unlink", -2, "write fast", 1, -1, 1, "generic", "Asynchronously deletes one or more keys.",
        this::delete);
    t.add("exists", -2, "readonly fast", 1, -1, 1, "generic", "Determines whether one or more keys exist.",
        (c, s, out) -> {
          long n = 0;
          for (int i = 1; i < c.argc(); i++) {
            n += kv.exists(c.string(i)) ? 1 : 0;
          }
          out.integer(n);
        });
    t.add("type", 2, "readonly fast", 1, 1, 1, "generic", "Determines the type of value stored at a key.",
        (c, s, out) -> out.simple(redisType(kv.type(c.string(1)))));
    t.add("keys", 2, "readonly", 0, 0, 0, "generic", "Returns all key names that match a pattern.",
        (c, s, out) -> out.bulkArray(kv.keys(c.string(1))));
    t.add("scan", -2, "readonly", 0, 0, 0, "generic", "Iterates over the key names in the database.",
        this::scan);
    t.add("dbsize", 1, "readonly fast", 0, 0, 0, "server", "Returns the number of keys in the database.",
        (c, s, out) -> out.integer(kv.size()));
  }

  private void delete(RespCommand c, ClientSession s, RespWriter out) {
    long n = 0;
    for (int i = 1; i < c.argc(); i++) {
      n += kv.delete(c.string(i)) ? 1 : 0;
    }
    out.integer(n);
  }

  static String redisType(KeyType type) {
    return switch (type) {
      case STR -> "string";
      case DICT -> "hash";
      case NONE -> "none";
    };
  }

  private void scan(RespCommand c, ClientSession s, RespWriter out) {
    long cursor = parseCursor(c.string(1));
    String pattern = "*";
    int count = DEFAULT_SCAN_COUNT;
    String type = null;
    for (int i = 2; i < c.argc(); i += 2) {
      if (i + 1 >= c.argc()) {
        throw RespError.syntax();
      }
      if (c.is(i, "MATCH")) {
        pattern = c.string(i + 1);
      } else if (c.is(i, "COUNT")) {
        long n = c.longArg(i + 1);
        if (n < 1) {
          throw RespError.syntax();
        }
        count = (int) Math.min(n, Integer.MAX_VALUE);
      } else if (c.is(i, "TYPE")) {
        type = c.string(i + 1).toLowerCase(java.util.Locale.ROOT);
      } else {
        throw RespError.syntax();
      }
    }
    KeyScan.Page page = KeyScan.page(kv.keys(pattern), cursor, count);
    List<String> keys = page.keys();
    if (type != null) {
      List<String> typed = new ArrayList<>();
      for (String k : keys) {
        if (redisType(kv.type(k)).equals(type)) {
          typed.add(k);
        }
      }
      keys = typed;
    }
    out.arrayHeader(2);
    out.bulk(Long.toUnsignedString(page.nextCursor()));
    out.bulkArray(keys);
  }

  private static long parseCursor(String s) {
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw RespError.err("invalid cursor");
    }
  }
}
