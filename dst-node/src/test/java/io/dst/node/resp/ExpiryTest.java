package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.EmbeddedStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * SET's expiry options and the expiry commands through Jedis, over an embedded store that shares
 * the server's clock, which the test moves instead of waiting.
 */
class ExpiryTest {
  private static final long NOW = 1_700_000_000_000L;

  private final AtomicLong clock = new AtomicLong(NOW);
  private final EmbeddedStore store = new EmbeddedStore(4, clock::get);
  private final RunningRespServer running =
      new RunningRespServer(store.kv(), b -> b.clock(clock::get));
  private final Jedis jedis = running.jedis();

  @AfterEach
  void close() {
    jedis.close();
    running.close();
  }

  @Test
  void shouldExpireKeysSetWithExOrPx() {
    assertThat(jedis.set("a", "1", SetParams.setParams().ex(10))).isEqualTo("OK");
    assertThat(jedis.set("b", "1", SetParams.setParams().px(500))).isEqualTo("OK");
    assertThat(jedis.psetex("c", 7, "1")).isEqualTo("OK");
    assertThat(jedis.setex("d", 3, "1")).isEqualTo("OK");
    assertThat(jedis.set("e", "1", SetParams.setParams().pxAt(NOW + 42))).isEqualTo("OK");
    assertThat(jedis.ttl("a")).isEqualTo(10);
    assertThat(jedis.pttl("b")).isEqualTo(500);
    clock.set(NOW + 499);
    assertThat(jedis.get("b")).isEqualTo("1");
    assertThat(jedis.get("c")).isNull();
    assertThat(jedis.get("e")).isNull();
    clock.set(NOW + 500);
    assertThat(jedis.get("b")).isNull();
    assertThat(jedis.exists("b")).isFalse();
    assertThat(jedis.keys("*")).containsExactlyInAnyOrder("a", "d");
    assertThat(jedis.dbSize()).isEqualTo(2);
    clock.set(NOW + 10_000);
    assertThat(jedis.keys("*")).isEmpty();
  }

  @Test
  void shouldCombineNxAndXxWithExpiry() {
    assertThat(jedis.set("k", "1", SetParams.setParams().px(100).xx())).isNull();
    assertThat(jedis.set("k", "1", SetParams.setParams().px(100).nx())).isEqualTo("OK");
    assertThat(jedis.set("k", "2", SetParams.setParams().px(100).nx())).isNull();
    assertThat(jedis.set("k", "3", SetParams.setParams().keepTtl().xx())).isEqualTo("OK");
    assertThat(jedis.pttl("k")).isEqualTo(100);
    clock.set(NOW + 100);
    // Expired: absent for NX and XX alike.
    assertThat(jedis.set("k", "4", SetParams.setParams().xx())).isNull();
    assertThat(jedis.set("k", "5", SetParams.setParams().nx())).isEqualTo("OK");
    assertThat(jedis.get("k")).isEqualTo("5");
    assertThat(jedis.ttl("k")).isEqualTo(-1);
  }

  @Test
  void shouldAnswerTtlLikeRedis() {
    assertThat(jedis.ttl("missing")).isEqualTo(-2);
    assertThat(jedis.pttl("missing")).isEqualTo(-2);
    jedis.set("plain", "v");
    assertThat(jedis.ttl("plain")).isEqualTo(-1);
    jedis.set("k", "v", SetParams.setParams().px(2_600));
    assertThat(jedis.ttl("k")).isEqualTo(3); // rounded as Redis rounds
    jedis.set("plain", "w", SetParams.setParams().ex(5));
    jedis.set("plain", "x");
    assertThat(jedis.ttl("plain")).as("a plain SET drops the deadline").isEqualTo(-1);
  }

  @Test
  void shouldExpireAndPersistExistingKeysOfEitherType() {
    assertThat(jedis.expire("missing", 10)).isZero();
    jedis.hset("h", Map.of("f", "v"));
    assertThat(jedis.expire("h", 10)).isOne();
    assertThat(jedis.ttl("h")).isEqualTo(10);
    assertThat(jedis.persist("h")).isOne();
    assertThat(jedis.persist("h")).isZero();
    assertThat(jedis.ttl("h")).isEqualTo(-1);
    jedis.set("s", "v");
    assertThat(jedis.pexpire("s", 250)).isOne();
    assertThat(jedis.pexpireAt("h", NOW + 300)).isOne();
    assertThat(jedis.expireAt("s", NOW / 1000 + 60)).isOne();
    clock.set(NOW + 300);
    assertThat(jedis.hgetAll("h")).isEmpty();
    assertThat(jedis.get("s")).isEqualTo("v");
    assertThat(jedis.expire("s", -1)).as("a past deadline deletes").isOne();
    assertThat(jedis.exists("s")).isFalse();
  }

  @Test
  void shouldTreatAWriteToAnExpiredKeyAsAWriteToAnAbsentOne() {
    jedis.set("n", "41", SetParams.setParams().px(10));
    assertThat(jedis.incr("n")).isEqualTo(42);
    assertThat(jedis.pttl("n")).as("INCR keeps the deadline").isEqualTo(10);
    clock.set(NOW + 10);
    assertThat(jedis.incr("n")).isEqualTo(1);
    assertThat(jedis.pttl("n")).isEqualTo(-1);
    assertThat(jedis.del("n")).isOne();
  }

  @Test
  void shouldRefuseBadExpiryArguments() {
    assertThatThrownBy(() -> jedis.set("k", "v", SetParams.setParams().px(-5)))
        .hasMessage("ERR invalid expire time in 'set' command");
    assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.EXPIRE, "k", "x"))
        .hasMessage("ERR value is not an integer or out of range");
    assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.EXPIRE, "k",
        String.valueOf(Long.MAX_VALUE))).hasMessage("ERR invalid expire time in 'expire' command");
    assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.EXPIRE, "k", "5",
        "NX")).hasMessageContaining("not supported");
  }
}
