package io.dst.engine;

import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import io.dst.engine.kv.Glob;
import io.dst.engine.kv.KvPartition;
import io.dst.engine.log.Mutation;
import io.dst.engine.table.Guarded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@link KvStore} over an {@link EmbeddedStore}'s kv partitions: reads go to the key's partition
 * under its read lock, writes become {@link Mutation}s applied by the store.
 */
final class EmbeddedKv implements KvStore {
  private final EmbeddedStore store;

  EmbeddedKv(EmbeddedStore store) {
    this.store = store;
  }

  private Guarded<KvPartition> slot(String key) {
    return store.kvSlotOf(Objects.requireNonNull(key, "key"));
  }

  @Override
  public String get(String key) {
    return slot(key).read(kv -> kv.get(key));
  }

  @Override
  public void put(String key, String value) {
    store.submit(new Mutation.StrPut(key, value)).orThrow();
  }

  @Override
  public boolean delete(String key) {
    return store.submit(new Mutation.StrDelete(key)).booleanValue();
  }

  @Override
  public boolean exists(String key) {
    return type(key) != KeyType.NONE;
  }

  @Override
  public KeyType type(String key) {
    return slot(key).read(kv -> kv.type(key));
  }

  @Override
  public long incrementBy(String key, long delta) {
    return store.submit(new Mutation.StrIncr(key, delta)).longValue();
  }

  @Override
  public long append(String key, String suffix) {
    return store.submit(new Mutation.StrAppend(key, suffix)).longValue();
  }

  @Override
  public int dictPut(String dict, Map<String, String> fields) {
    return store.submit(new Mutation.DictPut(dict, fields)).intValue();
  }

  @Override
  public Map<String, String> dictGetAll(String dict) {
    return slot(dict).read(kv -> kv.dictGetAll(dict));
  }

  @Override
  public String dictGet(String dict, String field) {
    return slot(dict).read(kv -> kv.dictGet(dict, field));
  }

  @Override
  public int dictDelete(String dict, List<String> fields) {
    return store.submit(new Mutation.DictDelete(dict, fields)).intValue();
  }

  @Override
  public List<String> dictKeys(String dict) {
    return slot(dict).read(kv -> kv.dictKeys(dict));
  }

  @Override
  public List<String> keys(String globPattern) {
    Pattern p = Glob.compile(globPattern);
    List<String> out = new ArrayList<>();
    for (Guarded<KvPartition> s : store.kvSlots()) {
      s.read(kv -> {
        kv.keys(k -> p.matcher(k).matches(), out);
        return null;
      });
    }
    return out;
  }

  @Override
  public long size() {
    long n = 0;
    for (Guarded<KvPartition> s : store.kvSlots()) {
      n += s.read(KvPartition::size);
    }
    return n;
  }
}
