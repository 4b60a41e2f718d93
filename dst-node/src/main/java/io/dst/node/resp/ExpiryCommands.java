package io.dst.node.resp;

import io.dst.engine.api.KvStore;
import io.dst.engine.api.KvStore.ExpiryCondition;
import java.util.function.LongSupplier;

/**
 * Redis's expiry commands over Dst's kv keys: EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, TTL, PTTL and
 * PERSIST. Relative times become absolute deadlines by this server's clock, once, so the replicated
 * write carries the same deadline to every replica; TTL is measured by the key's primary. EXPIRE's
 * NX/XX/GT/LT options travel with the write as an {@link ExpiryCondition}, judged where it applies.
 */
public final class ExpiryCommands {
  private final KvStore kv;
  private final LongSupplier clock;

  public ExpiryCommands(KvStore kv, LongSupplier clockMillis) {
    this.kv = kv;
    this.clock = clockMillis;
  }

  public void registerInto(CommandTable t) {
    t.add("expire", -3, "write fast", 1, 1, 1, "generic",
        "Sets the expiration time of a key in seconds.",
        (c, s, out) -> expire(c, "expire", 1000, false, out));
    t.add("pexpire", -3, "write fast", 1, 1, 1, "generic",
        "Sets the expiration time of a key in milliseconds.",
        (c, s, out) -> expire(c, "pexpire", 1, false, out));
    t.add("expireat", -3, "write fast", 1, 1, 1, "generic",
        "Sets the expiration time of a key to a Unix timestamp.",
        (c, s, out) -> expire(c, "expireat", 1000, true, out));
    t.add("pexpireat", -3, "write fast", 1, 1, 1, "generic",
        "Sets the expiration time of a key to a Unix milliseconds timestamp.",
        (c, s, out) -> expire(c, "pexpireat", 1, true, out));
    t.add("ttl", 2, "readonly fast", 1, 1, 1, "generic",
        "Returns the expiration time in seconds of a key.", (c, s, out) -> {
          long ms = kv.ttlMillis(c.string(1));
          out.integer(ms < 0 ? ms : (ms + 500) / 1000);
        });
    t.add("pttl", 2, "readonly fast", 1, 1, 1, "generic",
        "Returns the expiration time in milliseconds of a key.",
        (c, s, out) -> out.integer(kv.ttlMillis(c.string(1))));
    t.add("persist", 2, "write fast", 1, 1, 1, "generic",
        "Removes the expiration time of a key.",
        (c, s, out) -> out.integer(kv.persist(c.string(1)) ? 1 : 0));
  }

  private void expire(RespCommand c, String name, long unitMillis, boolean absolute,
      RespWriter out) {
    // Redis reads the options before the time, so a bad option is the error reported first.
    ExpiryCondition condition = ExpireOptions.parse(c, 3);
    long amount = c.longArg(2);
    long deadline;
    try {
      deadline = Math.multiplyExact(amount, unitMillis);
      if (!absolute) {
        deadline = Math.addExact(deadline, clock.getAsLong());
      }
    } catch (ArithmeticException e) {
      throw RespError.err("invalid expire time in '" + name + "' command");
    }
    // A deadline at or before the epoch is in the past all the same: the key goes at once.
    out.integer(kv.expireAt(c.string(1), Math.max(1, deadline), condition) ? 1 : 0);
  }
}
