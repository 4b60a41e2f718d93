package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.KvStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

class HashCommandsTest {
  private final RunningRespServer running = new RunningRespServer();
  private final Jedis jedis = running.jedis();
  private final KvStore kv = running.kv();

  @AfterEach
  void close() {
    jedis.close();
    running.close();
  }

  @Test
  void shouldReadWithHgetallADictWrittenThroughTheKvStore() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("k1", "v1");
    fields.put("k2", "v2");
    kv.dictPut("dict_1", fields);
    assertThat(jedis.hgetAll("dict_1")).isEqualTo(fields);
    assertThat(jedis.hget("dict_1", "k2")).isEqualTo("v2");
  }

  @Test
  void shouldWriteWithHsetADictTheKvStoreReads() {
    assertThat(jedis.hset("d", Map.of("a", "1"))).isEqualTo(1);
    assertThat(jedis.hset("d", "b", "2")).isEqualTo(1);
    assertThat(jedis.hset("d", "a", "3")).isZero();
    assertThat(kv.dictGetAll("d")).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
    assertThat(jedis.hmset("d", Map.of("c", "4"))).isEqualTo("OK");
    assertThat(kv.dictGet("d", "c")).isEqualTo("4");
  }

  @Test
  void shouldAnswerFieldQueriesInInsertionOrder() {
    jedis.hset("d", "x", "1");
    jedis.hset("d", "y", "2");
    jedis.hset("d", "z", "3");
    assertThat(jedis.hmget("d", "z", "nope", "x")).containsExactly("3", null, "1");
    assertThat(jedis.hkeys("d")).containsExactly("x", "y", "z");
    assertThat(jedis.hvals("d")).containsExactly("1", "2", "3");
    assertThat(jedis.hlen("d")).isEqualTo(3);
    assertThat(jedis.hexists("d", "y")).isTrue();
    assertThat(jedis.hexists("d", "w")).isFalse();
    assertThat(jedis.hstrlen("d", "x")).isEqualTo(1);
  }

  @Test
  void shouldDeleteFieldsAndTheHashWithItsLastField() {
    jedis.hset("d", Map.of("a", "1", "b", "2"));
    assertThat(jedis.hdel("d", "a", "missing")).isEqualTo(1);
    assertThat(jedis.hdel("d", "b")).isEqualTo(1);
    assertThat(jedis.exists("d")).isFalse();
    assertThat(jedis.hgetAll("d")).isEmpty();
    assertThat(jedis.hlen("d")).isZero();
  }

  @Test
  void shouldAnswerWrongTypeForHashCommandsOnAString() {
    kv.put("s", "v");
    for (Runnable r : List.<Runnable>of(() -> jedis.hget("s", "f"), () -> jedis.hset("s", "f", "v"),
        () -> jedis.hgetAll("s"), () -> jedis.hdel("s", "f"), () -> jedis.hkeys("s"))) {
      assertThatThrownBy(r::run)
          .hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
    }
  }

  @Test
  void shouldAnswerArityErrorForADanglingField() {
    assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.HSET, "d", "f"))
        .hasMessage("ERR wrong number of arguments for 'hset' command");
    assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.HSET, "d", "f", "v", "g"))
        .hasMessage("ERR wrong number of arguments for 'hset' command");
    assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.HGET, "d"))
        .hasMessage("ERR wrong number of arguments for 'hget' command");
  }
}
