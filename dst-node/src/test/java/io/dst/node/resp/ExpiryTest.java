package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.log.Mutation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.params.SetParams;

/**
 * SET's expiry options and the expiry commands through Jedis, over the embedded server (with its
 * active expiry) on the store's clock, which the test moves instead of waiting.
 */
class ExpiryTest {
  private static final long NOW = 1_700_000_000_000L;

  private final AtomicLong clock = new AtomicLong(NOW);
  private final EmbeddedStore store = new EmbeddedStore(4, clock::get);
  private final RunningRespServer running = new RunningRespServer(store, b -> b);
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
  }

  @Test
  void shouldSetAnExpiryWithNxOnlyWhenTheKeyHasNone() {
    assertThat(jedis.expire("missing", 10, ExpiryOption.NX)).isZero();
    jedis.set("k", "v");
    assertThat(jedis.expire("k", 10, ExpiryOption.NX)).isOne();
    assertThat(jedis.expire("k", 20, ExpiryOption.NX)).isZero();
    assertThat(jedis.ttl("k")).isEqualTo(10);
    assertThat(jedis.pexpireAt("k", NOW + 5, ExpiryOption.NX)).isZero();
  }

  @Test
  void shouldSetAnExpiryWithXxOnlyWhenTheKeyHasOne() {
    jedis.set("k", "v");
    assertThat(jedis.expire("k", 10, ExpiryOption.XX)).isZero();
    assertThat(jedis.ttl("k")).isEqualTo(-1);
    jedis.expire("k", 10);
    assertThat(jedis.pexpire("k", 2_000, ExpiryOption.XX)).isOne();
    assertThat(jedis.pttl("k")).isEqualTo(2_000);
    assertThat(jedis.expire("missing", 10, ExpiryOption.XX)).isZero();
  }

  @Test
  void shouldSetAnExpiryWithGtOnlyWhenLaterAndNeverOnAKeyWithoutOne() {
    jedis.set("k", "v");
    assertThat(jedis.expire("k", 100, ExpiryOption.GT)).as("no expiry counts as infinite").isZero();
    assertThat(jedis.ttl("k")).isEqualTo(-1);
    jedis.expire("k", 100);
    assertThat(jedis.expire("k", 100, ExpiryOption.GT)).as("equal").isZero();
    assertThat(jedis.expire("k", 50, ExpiryOption.GT)).isZero();
    assertThat(jedis.expireAt("k", NOW / 1000 + 200, ExpiryOption.GT)).isOne();
    assertThat(jedis.ttl("k")).isEqualTo(200);
    assertThat(jedis.sendCommand(Command.EXPIRE, "k", "300", "xx", "gt")).isEqualTo(1L);
    assertThat(jedis.ttl("k")).isEqualTo(300);
  }

  @Test
  void shouldSetAnExpiryWithLtWhenEarlierOrTheKeyHasNone() {
    jedis.set("k", "v");
    assertThat(jedis.expire("k", 100, ExpiryOption.LT)).as("no expiry counts as infinite").isOne();
    assertThat(jedis.expire("k", 100, ExpiryOption.LT)).as("equal").isZero();
    assertThat(jedis.pexpire("k", 150_000, ExpiryOption.LT)).isZero();
    assertThat(jedis.pexpire("k", 50_000, ExpiryOption.LT)).isOne();
    assertThat(jedis.pttl("k")).isEqualTo(50_000);
    jedis.set("plain", "v");
    assertThat(jedis.sendCommand(Command.EXPIRE, "plain", "10", "XX", "LT")).isEqualTo(0L);
    assertThat(jedis.ttl("plain")).isEqualTo(-1);
    assertThat(jedis.sendCommand(Command.EXPIRE, "k", "10", "LT", "XX")).isEqualTo(1L);
    assertThat(jedis.ttl("k")).isEqualTo(10);
  }

  @Test
  void shouldJudgeTheConditionBeforeAPastDeadlineDeletes() {
    jedis.set("plain", "v");
    assertThat(jedis.expire("plain", -1, ExpiryOption.GT)).isZero();
    assertThat(jedis.get("plain")).isEqualTo("v");
    assertThat(jedis.expire("plain", -1, ExpiryOption.LT)).isOne();
    assertThat(jedis.exists("plain")).isFalse();
    jedis.set("k", "v", SetParams.setParams().ex(10));
    assertThat(jedis.expire("k", 0, ExpiryOption.NX)).isZero();
    assertThat(jedis.exists("k")).isTrue();
    assertThat(jedis.pexpireAt("k", 1, ExpiryOption.XX)).isOne();
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void shouldRefuseIncompatibleOrUnknownExpireOptionsAsRedisDoes() {
    jedis.set("k", "v");
    for (String[] options : List.of(new String[] {"NX", "XX"}, new String[] {"gt", "nx"},
        new String[] {"NX", "LT"}, new String[] {"NX", "NX", "GT"})) {
      assertThatThrownBy(() -> expire("k", "10", options)).as(String.join(" ", options))
          .hasMessage("ERR NX and XX, GT or LT options at the same time are not compatible");
    }
    assertThatThrownBy(() -> expire("k", "10", "GT", "LT"))
        .hasMessage("ERR GT and LT options at the same time are not compatible");
    assertThatThrownBy(() -> expire("k", "10", "XX", "Bogus"))
        .hasMessage("ERR Unsupported option Bogus");
    assertThatThrownBy(() -> jedis.sendCommand(Command.PEXPIREAT, "k", "x", "KEEPTTL"))
        .as("options are read before the time").hasMessage("ERR Unsupported option KEEPTTL");
    assertThatThrownBy(() -> expire("k", "x", "NX"))
        .hasMessage("ERR value is not an integer or out of range");
    assertThat(expire("k", "10", "nx", "NX")).as("a repeated option is fine").isEqualTo(1L);
    assertThat(jedis.ttl("k")).isEqualTo(10);
  }

  private Object expire(String key, String seconds, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = key;
    args[1] = seconds;
    System.arraycopy(options, 0, args, 2, options.length);
    return jedis.sendCommand(Command.EXPIRE, args);
  }

  @Test
  void shouldReclaimAnExpiredKeyNobodyTouches() {
    jedis.set("session", "v", SetParams.setParams().px(50));
    jedis.set("kept", "v");
    int partition = new Mutation.StrPut("session", "").target().partition();
    assertThat(store.dueExpiries(partition, Long.MAX_VALUE, 10))
        .containsExactly(new Mutation.DropExpired("session", NOW + 50));
    clock.set(NOW + 50);
    // Not read by anyone: the active expiry deletes it, so even the store's own records lose it.
    await().atMost(Duration.ofSeconds(10))
        .until(() -> store.dueExpiries(partition, Long.MAX_VALUE, 10).isEmpty());
    assertThat(jedis.dbSize()).isEqualTo(1);
    assertThat(jedis.keys("*")).containsExactly("kept");
    clock.set(NOW);
    assertThat(jedis.get("session")).as("deleted, not merely hidden").isNull();
  }
}
