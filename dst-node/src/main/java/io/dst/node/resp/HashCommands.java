package io.dst.node.resp;

import io.dst.engine.api.KvStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis's hash commands over Dst's dict keys: HSET, HMSET, HGET, HMGET, HGETALL, HDEL, HEXISTS,
 * HKEYS, HVALS, HLEN, HSTRLEN.
 */
public final class HashCommands {
  private final KvStore kv;

  public HashCommands(KvStore kv) {
    this.kv = kv;
  }

  public void registerInto(CommandTable t) {
    t.add("hset", -4, "write denyoom fast", 1, 1, 1, "hash",
        "Creates or modifies the value of a field in a hash.",
        (c, s, out) -> out.integer(kv.dictPut(c.string(1), fields(c, "hset"))));
    t.add("hmset", -4, "write denyoom fast", 1, 1, 1, "hash",
        "Sets the values of multiple fields.", (c, s, out) -> {
          kv.dictPut(c.string(1), fields(c, "hmset"));
          out.ok();
        });
    t.add("hget", 3, "readonly fast", 1, 1, 1, "hash", "Returns the value of a field in a hash.",
        (c, s, out) -> out.bulk(kv.dictGet(c.string(1), c.string(2))));
    t.add("hmget", -3, "readonly fast", 1, 1, 1, "hash",
        "Returns the values of all fields in a hash.", (c, s, out) -> {
          // One read of the whole dict: one round trip in a cluster and one consistent view.
          Map<String, String> all = kv.dictGetAll(c.string(1));
          out.arrayHeader(c.argc() - 2);
          for (int i = 2; i < c.argc(); i++) {
            out.bulk(all.get(c.string(i)));
          }
        });
    t.add("hgetall", 2, "readonly", 1, 1, 1, "hash",
        "Returns all fields and values in a hash.",
        (c, s, out) -> out.bulkMap(kv.dictGetAll(c.string(1))));
    t.add("hdel", -3, "write fast", 1, 1, 1, "hash",
        "Deletes one or more fields and their values from a hash.", (c, s, out) -> {
          List<String> names = new java.util.ArrayList<>(c.argc() - 2);
          for (int i = 2; i < c.argc(); i++) {
            names.add(c.string(i));
          }
          out.integer(kv.dictDelete(c.string(1), names));
        });
    t.add("hexists", 3, "readonly fast", 1, 1, 1, "hash",
        "Determines whether a field exists in a hash.",
        (c, s, out) -> out.integer(kv.dictGet(c.string(1), c.string(2)) != null ? 1 : 0));
    t.add("hkeys", 2, "readonly", 1, 1, 1, "hash", "Returns all fields in a hash.",
        (c, s, out) -> out.bulkArray(kv.dictKeys(c.string(1))));
    t.add("hvals", 2, "readonly", 1, 1, 1, "hash", "Returns all values in a hash.",
        (c, s, out) -> out.bulkArray(kv.dictGetAll(c.string(1)).values()));
    t.add("hlen", 2, "readonly fast", 1, 1, 1, "hash", "Returns the number of fields in a hash.",
        (c, s, out) -> out.integer(kv.dictKeys(c.string(1)).size()));
    t.add("hstrlen", 3, "readonly fast", 1, 1, 1, "hash",
        "Returns the length of the value of a field.", (c, s, out) -> {
          String v = kv.dictGet(c.string(1), c.string(2));
          out.integer(v == null ? 0 : io.netty.buffer.ByteBufUtil.utf8Bytes(v));
        });
  }

  /** The field/value pairs after the key; a dangling field is an arity error, as in Redis. */
  private static Map<String, String> fields(RespCommand c, String name) {
    if (c.argc() % 2 != 0) {
      throw RespError.arity(name);
    }
    if (c.argc() == 4) {
      return Map.of(c.string(2), c.string(3));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 2; i < c.argc(); i += 2) {
      fields.put(c.string(i), c.string(i + 1));
    }
    return fields;
  }
}
