package io.dst.engine;

import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import io.dst.engine.kv.Glob;
import io.dst.engine.kv.KvPartition;
import io.dst.engine.log.ApplyResult;
import io.dst.engine.log.Mutation;
import io.dst.engine.table.Guarded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@link KvStore} over an {@link EmbeddedStore}'s kv partitions: reads go to the key's partition
 * under its read lock, writes become {@link Mutation}s applied by the store. A key due by the
 * store's clock reads as absent, and a write to it first applies its expiry, so writes find it
 * absent too. Each kv write is one mutation of one partition, so it takes no store-wide write
 * lock, only waits out a dump ({@link EmbeddedStore#readAtOneInstant}).
 */
final class EmbeddedKv implements KvStore {
  private final EmbeddedStore store;

  EmbeddedKv(EmbeddedStore store) {
    this.store = store;
  }

  private Guarded<KvPartition> slot(String key) {
    return store.kvSlotOf(Objects.requireNonNull(key, "key"));
  }

  /** Whether the key has expired by the store's clock (reads the clock only if deadlines exist). */
  private boolean gone(KvPartition kv, String key) {
    return kv.hasDeadlines() && kv.expired(key, store.nowMillis());
  }

  /** Applies a kv write, after the expiry of its key if that is due. */
  private ApplyResult write(Mutation m) {
    Mutation.DropExpired due = store.expiryBefore(m, store.nowMillis());
    if (due != null) {
      store.applyKv(due);
    }
    return store.applyKv(m);
  }

  @Override
  public String get(String key) {
    return slot(key).read(kv -> gone(kv, key) ? null : kv.get(key));
  }

  @Override
  public void put(String key, String value) {
    write(new Mutation.StrPut(key, value)).orThrow();
  }

  @Override
  public boolean delete(String key) {
    return write(new Mutation.StrDelete(key)).booleanValue();
  }

  @Override
  public boolean set(String key, String value, SetCondition condition, long expiresAtMillis) {
    return store.applyKv(new Mutation.StrSet(key, value, condition, expiresAtMillis,
        store.nowMillis())).booleanValue();
  }

  @Override
  public boolean expireAt(String key, long expiresAtMillis) {
    return expireAt(key, expiresAtMillis, ExpiryCondition.ALWAYS);
  }

  @Override
  public boolean expireAt(String key, long expiresAtMillis, ExpiryCondition condition) {
    if (expiresAtMillis <= 0) {
      throw new io.dst.engine.DstException(io.dst.engine.ErrorCode.INVALID_ARGUMENT,
          "expiry deadline must be positive epoch milliseconds, got " + expiresAtMillis);
    }
    return store.applyKv(new Mutation.Expire(key, expiresAtMillis, store.nowMillis(),
        Objects.requireNonNull(condition, "condition"))).booleanValue();
  }

  @Override
  public boolean persist(String key) {
    return store.applyKv(new Mutation.Expire(key, NO_EXPIRY, store.nowMillis())).booleanValue();
  }

  @Override
  public long ttlMillis(String key) {
    return slot(key).read(kv -> kv.ttlMillis(key, store.nowMillis()));
  }

  @Override
  public boolean exists(String key) {
    return type(key) != KeyType.NONE;
  }

  @Override
  public KeyType type(String key) {
    return slot(key).read(kv -> gone(kv, key) ? KeyType.NONE : kv.type(key));
  }

  @Override
  public long incrementBy(String key, long delta) {
    return write(new Mutation.StrIncr(key, delta)).longValue();
  }

  @Override
  public long append(String key, String suffix) {
    return write(new Mutation.StrAppend(key, suffix)).longValue();
  }

  @Override
  public int dictPut(String dict, Map<String, String> fields) {
    return write(new Mutation.DictPut(dict, fields)).intValue();
  }

  @Override
  public Map<String, String> dictGetAll(String dict) {
    return slot(dict).read(kv -> gone(kv, dict) ? new java.util.LinkedHashMap<>()
        : kv.dictGetAll(dict));
  }

  @Override
  public String dictGet(String dict, String field) {
    return slot(dict).read(kv -> gone(kv, dict) ? null : kv.dictGet(dict, field));
  }

  @Override
  public int dictDelete(String dict, List<String> fields) {
    return write(new Mutation.DictDelete(dict, fields)).intValue();
  }

  @Override
  public List<String> dictKeys(String dict) {
    return slot(dict).read(kv -> gone(kv, dict) ? new ArrayList<>() : kv.dictKeys(dict));
  }

  @Override
  public List<String> keys(String globPattern) {
    Pattern p = Glob.compile(globPattern);
    List<String> out = new ArrayList<>();
    long now = store.nowMillis();
    for (Guarded<KvPartition> s : store.kvSlots()) {
      s.read(kv -> {
        kv.keys(k -> p.matcher(k).matches(), now, out);
        return null;
      });
    }
    return out;
  }

  @Override
  public long size() {
    long n = 0;
    for (Guarded<KvPartition> s : store.kvSlots()) {
      n += s.read(kv -> kv.size() - (kv.hasDeadlines() ? kv.dueCount(store.nowMillis()) : 0));
    }
    return n;
  }
}
