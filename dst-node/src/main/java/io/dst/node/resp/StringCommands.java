package io.dst.node.resp;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.KvStore;
import io.netty.buffer.ByteBufUtil;
import java.util.function.LongSupplier;

/**
 * Redis's string commands over Dst's str keys: GET, SET (NX, XX, EX, PX, EXAT, PXAT, KEEPTTL),
 * SETNX, SETEX, PSETEX, MGET, MSET, INCR, DECR, INCRBY, DECRBY, APPEND, STRLEN.
 */
public final class StringCommands {
  private final KvStore kv;
  private final LongSupplier clock;

  /**
   * {@code clockMillis} turns relative TTLs into the absolute deadlines the replicated write
   * carries, so it is read once, by the server taking the request.
   */
  public StringCommands(KvStore kv, LongSupplier clockMillis) {
    this.kv = kv;
    this.clock = clockMillis;
  }

  public void registerInto(CommandTable t) {
    t.add("get", 2, "readonly fast", 1, 1, 1, "string", "Returns the string value of a key.",
        (c, s, out) -> out.bulk(kv.get(c.string(1))));
    t.add("set", -3, "write denyoom", 1, 1, 1, "string",
        "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.",
        this::set);
    t.add("setnx", 3, "write denyoom fast", 1, 1, 1, "string",
        "Set the string value of a key only when the key doesn't exist.",
        (c, s, out) -> out.integer(kv.set(c.string(1), c.string(2), KvStore.SetCondition.IF_ABSENT,
            KvStore.NO_EXPIRY) ? 1 : 0));
    t.add("setex", 4, "write denyoom", 1, 1, 1, "string",
        "Sets the string value and expiration time of a key.",
        (c, s, out) -> setWithTtl(c, 1000, "setex", out));
    t.add("psetex", 4, "write denyoom", 1, 1, 1, "string",
        "Sets both string value and expiration time in milliseconds of a key.",
        (c, s, out) -> setWithTtl(c, 1, "psetex", out));
    t.add("mget", -2, "readonly fast", 1, -1, 1, "string",
        "Atomically returns the string values of one or more keys.", this::mget);
    t.add("mset", -3, "write denyoom", 1, -1, 2, "string",
        "Atomically creates or modifies the string values of one or more keys.", this::mset);
    t.add("incr", 2, "write denyoom fast", 1, 1, 1, "string",
        "Increments the integer value of a key by one.",
        (c, s, out) -> out.integer(increment(c.string(1), 1)));
    t.add("decr", 2, "write denyoom fast", 1, 1, 1, "string",
        "Decrements the integer value of a key by one.",
        (c, s, out) -> out.integer(increment(c.string(1), -1)));
    t.add("incrby", 3, "write denyoom fast", 1, 1, 1, "string",
        "Increments the integer value of a key by a number.",
        (c, s, out) -> out.integer(increment(c.string(1), c.longArg(2))));
    t.add("decrby", 3, "write denyoom fast", 1, 1, 1, "string",
        "Decrements a number from the integer value of a key.", (c, s, out) -> {
          long by = c.longArg(2);
          if (by == Long.MIN_VALUE) {
            throw RespError.err("decrement would overflow");
          }
          out.integer(increment(c.string(1), -by));
        });
    t.add("append", 3, "write denyoom fast", 1, 1, 1, "string",
        "Appends a string to the value of a key. Creates the key if it doesn't exist.",
        (c, s, out) -> out.integer(kv.append(c.string(1), c.string(2))));
    t.add("strlen", 2, "readonly fast", 1, 1, 1, "string",
        "Returns the length of a string value.", (c, s, out) -> {
          String v = kv.get(c.string(1));
          out.integer(v == null ? 0 : ByteBufUtil.utf8Bytes(v));
        });
  }

  private void set(RespCommand c, ClientSession s, RespWriter out) {
    if (c.argc() == 3) {
      kv.put(c.string(1), c.string(2)); // the common case: a plain put, which drops any deadline
      out.ok();
      return;
    }
    KvStore.SetCondition condition = KvStore.SetCondition.ALWAYS;
    long deadline = KvStore.NO_EXPIRY;
    boolean expirySet = false;
    for (int i = 3; i < c.argc(); i++) {
      boolean hasValue = i + 1 < c.argc();
      if (c.is(i, "NX") && condition == KvStore.SetCondition.ALWAYS) {
        condition = KvStore.SetCondition.IF_ABSENT;
      } else if (c.is(i, "XX") && condition == KvStore.SetCondition.ALWAYS) {
        condition = KvStore.SetCondition.IF_PRESENT;
      } else if (c.is(i, "KEEPTTL") && !expirySet) {
        deadline = KvStore.KEEP_EXPIRY;
        expirySet = true;
      } else if (hasValue && !expirySet && (c.is(i, "EX") || c.is(i, "PX") || c.is(i, "EXAT")
          || c.is(i, "PXAT"))) {
        deadline = deadline(c, i, "set");
        expirySet = true;
        i++;
      } else {
        throw RespError.syntax();
      }
    }
    if (kv.set(c.string(1), c.string(2), condition, deadline)) {
      out.ok();
    } else {
      out.nil();
    }
  }

  private void setWithTtl(RespCommand c, long unitMillis, String name, RespWriter out) {
    long ttl = c.longArg(2);
    kv.set(c.string(1), c.string(3), KvStore.SetCondition.ALWAYS,
        absoluteDeadline(ttl, unitMillis, name));
    out.ok();
  }

  /** The epoch-millisecond deadline for the option at {@code i} (EX, PX, EXAT or PXAT). */
  private long deadline(RespCommand c, int i, String name) {
    long v = c.longArg(i + 1);
    if (c.is(i, "EX")) {
      return absoluteDeadline(v, 1000, name);
    }
    if (c.is(i, "PX")) {
      return absoluteDeadline(v, 1, name);
    }
    long unit = c.is(i, "EXAT") ? 1000 : 1;
    if (v <= 0 || v > Long.MAX_VALUE / unit) {
      throw invalidExpireTime(name);
    }
    return v * unit;
  }

  /** Turns a relative TTL into the absolute deadline the replicated write must carry. */
  private long absoluteDeadline(long ttl, long unitMillis, String name) {
    if (ttl <= 0 || ttl > (Long.MAX_VALUE - clock.getAsLong()) / unitMillis) {
      throw invalidExpireTime(name);
    }
    return clock.getAsLong() + ttl * unitMillis;
  }

  private static RespError invalidExpireTime(String name) {
    return RespError.err("invalid expire time in '" + name + "' command");
  }

  private void mget(RespCommand c, ClientSession s, RespWriter out) {
    out.arrayHeader(c.argc() - 1);
    for (int i = 1; i < c.argc(); i++) {
      String v;
      try {
        v = kv.get(c.string(i));
      } catch (DstException e) {
        if (e.code() != ErrorCode.WRONG_TYPE) {
          throw e;
        }
        v = null; // Redis's MGET answers nil for a key of another type
      }
      out.bulk(v);
    }
  }

  private void mset(RespCommand c, ClientSession s, RespWriter out) {
    if (c.argc() % 2 == 0) {
      throw RespError.arity("mset");
    }
    for (int i = 1; i < c.argc(); i += 2) {
      kv.put(c.string(i), c.string(i + 1));
    }
    out.ok();
  }

  private long increment(String key, long delta) {
    try {
      return kv.incrementBy(key, delta);
    } catch (DstException e) {
      // The engine reports both a non-numeric value and an overflow as INVALID_ARGUMENT.
      if (e.code() == ErrorCode.INVALID_ARGUMENT) {
        throw RespError.notAnInteger();
      }
      throw e;
    }
  }
}
