package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.KvStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

class KeyspaceCommandsTest {
  private final RunningRespServer running = new RunningRespServer();
  private final Jedis jedis = running.jedis();
  private final KvStore kv = running.kv();

  @AfterEach
  void close() {
    jedis.close();
    running.close();
  }

  @Test
  void shouldDeleteAndCountKeysOfEitherType() {
    jedis.set("s", "v");
    jedis.hset("h", "f", "v");
    assertThat(jedis.exists("s", "h", "s", "missing")).isEqualTo(3);
    assertThat(jedis.del("s", "h", "missing")).isEqualTo(2);
    assertThat(jedis.exists("s")).isFalse();
    assertThat(kv.exists("h")).isFalse();
  }

  @Test
  void shouldReportRedisTypeNames() {
    jedis.set("s", "v");
    kv.dictPut("h", Map.of("f", "v"));
    assertThat(jedis.type("s")).isEqualTo("string");
    assertThat(jedis.type("h")).isEqualTo("hash");
    assertThat(jedis.type("missing")).isEqualTo("none");
  }

  @Test
  void shouldListKeysMatchingAGlob() {
    jedis.mset("user:1", "a", "user:2", "b", "order:1", "c");
    assertThat(jedis.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
    assertThat(jedis.keys("*:1")).containsExactlyInAnyOrder("user:1", "order:1");
    assertThat(jedis.keys("user:[2]")).containsExactly("user:2");
    assertThat(jedis.dbSize()).isEqualTo(3);
  }

  @Test
  void shouldScanEveryKeyExactlyOnceInPagesEvenWhileKeysAreAdded() {
    Set<String> original = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      original.add("k" + i);
      kv.put("k" + i, "v");
    }
    List<String> seen = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    int pages = 0;
    do {
      ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(37));
      seen.addAll(page.getResult());
      cursor = page.getCursor();
      kv.put("added-during-scan-" + pages++, "v");
    } while (!cursor.equals("0"));
    assertThat(pages).isGreaterThan(10);
    assertThat(seen).doesNotHaveDuplicates().containsAll(original);
  }

  @Test
  void shouldScanWithMatchAndType() {
    jedis.mset("a1", "x", "a2", "x", "b1", "x");
    jedis.hset("a3", "f", "v");
    ScanResult<String> all = jedis.scan("0", new ScanParams().match("a*").count(100));
    assertThat(all.getCursor()).isEqualTo("0");
    assertThat(all.getResult()).containsExactlyInAnyOrder("a1", "a2", "a3");
    ScanResult<String> hashes = jedis.scan("0", new ScanParams().match("a*").count(100),
        "hash");
    assertThat(hashes.getResult()).containsExactly("a3");
    assertThatThrownBy(() -> jedis.scan("x")).hasMessage("ERR invalid cursor");
  }
}
