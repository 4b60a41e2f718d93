package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * SET's expiry options against a store that supports the proposed conditional, expiring put: the
 * server must hand it the absolute deadline computed from its clock, so replicas agree.
 */
class ExpiryTest {
  private static final long NOW = 1_700_000_000_000L;

  /** A store with the proposed engine API, recording each call (a fake, not a mock). */
  static final class RecordingStore implements KvStore, ExpiringKv {
    final KvStore kv = new EmbeddedStore().kv();
    final List<String> calls = new ArrayList<>();

    @Override
    public boolean set(String key, String value, Condition condition, long expiresAtMillis) {
      calls.add(key + " " + condition + " " + expiresAtMillis);
      boolean exists = kv.exists(key);
      if (condition == Condition.IF_ABSENT && exists || condition == Condition.IF_PRESENT && !exists) {
        return false;
      }
      kv.put(key, value);
      return true;
    }

    @Override public String get(String key) { return kv.get(key); }
    @Override public void put(String key, String value) { kv.put(key, value); }
    @Override public boolean delete(String key) { return kv.delete(key); }
    @Override public boolean exists(String key) { return kv.exists(key); }
    @Override public KeyType type(String key) { return kv.type(key); }
    @Override public long incrementBy(String key, long delta) { return kv.incrementBy(key, delta); }
    @Override public long append(String key, String suffix) { return kv.append(key, suffix); }
    @Override public int dictPut(String dict, Map<String, String> f) { return kv.dictPut(dict, f); }
    @Override public Map<String, String> dictGetAll(String dict) { return kv.dictGetAll(dict); }
    @Override public String dictGet(String dict, String field) { return kv.dictGet(dict, field); }
    @Override public int dictDelete(String dict, List<String> f) { return kv.dictDelete(dict, f); }
    @Override public List<String> dictKeys(String dict) { return kv.dictKeys(dict); }
    @Override public List<String> keys(String glob) { return kv.keys(glob); }
    @Override public long size() { return kv.size(); }
  }

  private final RecordingStore store = new RecordingStore();
  private final RunningRespServer running = new RunningRespServer(store, b -> b.clock(() -> NOW));

  @AfterEach
  void close() {
    running.close();
  }

  @Test
  void shouldPassAbsoluteDeadlinesComputedByTheServer() {
    try (Jedis jedis = running.jedis()) {
      assertThat(jedis.set("a", "1", SetParams.setParams().ex(10))).isEqualTo("OK");
      assertThat(jedis.set("b", "1", SetParams.setParams().px(500).nx())).isEqualTo("OK");
      assertThat(jedis.set("c", "1", SetParams.setParams().pxAt(NOW + 42))).isEqualTo("OK");
      assertThat(jedis.set("a", "2", SetParams.setParams().keepTtl().xx())).isEqualTo("OK");
      assertThat(jedis.psetex("d", 7, "1")).isEqualTo("OK");
      assertThat(jedis.set("e", "1")).isEqualTo("OK");
    }
    assertThat(store.calls).containsExactly(
        "a ALWAYS " + (NOW + 10_000),
        "b IF_ABSENT " + (NOW + 500),
        "c ALWAYS " + (NOW + 42),
        "a IF_PRESENT " + ExpiringKv.KEEP_EXPIRY,
        "d ALWAYS " + (NOW + 7),
        "e ALWAYS " + ExpiringKv.NO_EXPIRY);
  }
}
