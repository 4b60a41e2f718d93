package io.dst.node.resp;

import io.dst.engine.api.KvStore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link ExpiringKv} over a {@link KvStore} that has no expiry: a deadline is refused with an error
 * reply instead of being kept anywhere the replicated state would not see. NX and XX are a check
 * then a put under a per-key-stripe lock, so they are atomic among this server's RESP clients but
 * not against writers elsewhere; the engine's conditional put removes that gap.
 */
final class NonExpiringKv implements ExpiringKv {
  private static final int STRIPES = 64;

  private final KvStore kv;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  NonExpiringKv(KvStore kv) {
    this.kv = kv;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  @Override
  public boolean set(String key, String value, Condition condition, long expiresAtMillis) {
    if (expiresAtMillis == KEEP_EXPIRY) {
      throw RespError.err("KEEPTTL not supported by this store");
    }
    if (expiresAtMillis != NO_EXPIRY) {
      throw RespError.err("EX/PX not supported by this store");
    }
    if (condition == Condition.ALWAYS) {
      kv.put(key, value);
      return true;
    }
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
    lock.lock();
    try {
      // NX/XX look at existence whatever the type; a dict under XX then fails WRONGTYPE in put,
      // because Dst's str put never replaces a dict (Redis's SET would).
      boolean exists = kv.exists(key);
      if (exists != (condition == Condition.IF_PRESENT)) {
        return false;
      }
      kv.put(key, value);
      return true;
    } finally {
      lock.unlock();
    }
  }
}
