package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.KvStore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

class StringCommandsTest {
  private final RunningRespServer running = new RunningRespServer();
  private final Jedis jedis = running.jedis();
  private final KvStore kv = running.kv();

  @AfterEach
  void close() {
    jedis.close();
    running.close();
  }

  @Test
  void shouldReadBackWithGetWhatSetWrote() {
    assertThat(jedis.set("k", "v")).isEqualTo("OK");
    assertThat(jedis.get("k")).isEqualTo("v");
    assertThat(jedis.get("missing")).isNull();
  }

  @Test
  void shouldShareStrKeysWithTheKvStoreBothWays() {
    kv.put("from-dst", "ünïcode ✓");
    assertThat(jedis.get("from-dst")).isEqualTo("ünïcode ✓");
    jedis.set("from-redis", "v1");
    assertThat(kv.get("from-redis")).isEqualTo("v1");
  }

  @Test
  void shouldSetOnlyWhenAbsentWithNxAndOnlyWhenPresentWithXx() {
    assertThat(jedis.set("k", "1", SetParams.setParams().xx())).isNull();
    assertThat(jedis.get("k")).isNull();
    assertThat(jedis.set("k", "1", SetParams.setParams().nx())).isEqualTo("OK");
    assertThat(jedis.set("k", "2", SetParams.setParams().nx())).isNull();
    assertThat(jedis.set("k", "3", SetParams.setParams().xx())).isEqualTo("OK");
    assertThat(jedis.get("k")).isEqualTo("3");
    assertThat(jedis.setnx("k", "4")).isZero();
    assertThat(jedis.setnx("other", "4")).isOne();
  }

  @Test
  void shouldAnswerRedisErrorsForBadSetOptions() {
    assertThatThrownBy(() -> jedis.set("k", "v", SetParams.setParams().ex(0)))
        .hasMessage("ERR invalid expire time in 'set' command");
    assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.SET, "k", "v", "NX", "XX"))
        .hasMessage("ERR syntax error");
    assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.SET, "k", "v", "BOGUS"))
        .hasMessage("ERR syntax error");
  }

  @Test
  void shouldGetAndSetManyKeysAnsweringNilForMissingAndHashKeys() {
    assertThat(jedis.mset("a", "1", "b", "2")).isEqualTo("OK");
    kv.dictPut("h", Map.of("f", "v"));
    assertThat(jedis.mget("a", "missing", "b", "h")).containsExactly("1", null, "2", null);
    assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.MSET, "a", "1", "b"))
        .hasMessage("ERR wrong number of arguments for 'mset' command");
  }

  @Test
  void shouldCountWithIncrDecrIncrbyAndDecrby() {
    assertThat(jedis.incr("n")).isEqualTo(1);
    assertThat(jedis.incrBy("n", 10)).isEqualTo(11);
    assertThat(jedis.decr("n")).isEqualTo(10);
    assertThat(jedis.decrBy("n", 15)).isEqualTo(-5);
    assertThat(kv.get("n")).isEqualTo("-5");
  }

  @Test
  void shouldAnswerNotAnIntegerForIncrOfText() {
    jedis.set("t", "abc");
    assertThatThrownBy(() -> jedis.incr("t"))
        .hasMessage("ERR value is not an integer or out of range");
    assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.INCRBY, "n", "1.5"))
        .hasMessage("ERR value is not an integer or out of range");
    jedis.set("max", Long.toString(Long.MAX_VALUE));
    assertThatThrownBy(() -> jedis.incr("max"))
        .hasMessage("ERR value is not an integer or out of range");
  }

  @Test
  void shouldAppendAndMeasureLengthInUtf8Bytes() {
    assertThat(jedis.append("s", "ab")).isEqualTo(2);
    assertThat(jedis.append("s", "é")).isEqualTo(4);
    assertThat(jedis.strlen("s")).isEqualTo(4);
    assertThat(jedis.strlen("missing")).isZero();
    assertThat(jedis.get("s")).isEqualTo("abé");
  }

  @Test
  void shouldAnswerWrongTypeForGetOfAHash() {
    jedis.hset("h", "f", "v");
    assertThatThrownBy(() -> jedis.get("h")).isInstanceOf(JedisDataException.class)
        .hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
    assertThatThrownBy(() -> jedis.set("h", "v"))
        .hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
    assertThatThrownBy(() -> jedis.append("h", "v"))
        .hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
  }
}
