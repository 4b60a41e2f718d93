package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The Redis port on a real three-node cluster: whichever node a client talks to, a key is served by
 * its partition's primary, so values cross nodes and cross between RESP and Dst's own commands.
 */
class ClusterRespTest {
  static LocalCluster cluster;
  static ClusterDataStore store;

  @BeforeAll
  static void startCluster() {
    cluster = new LocalCluster(3, "resp", null, node -> node.respPort(0)).start();
    store = ClusterDataStore.connect(cluster.zkConnect(), cluster.clusterName(), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopCluster() {
    if (store != null) {
      store.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Jedis client(int nodeId) {
    return new Jedis("127.0.0.1", cluster.node(nodeId).respAddress().getPort(), 10_000);
  }

  @Test
  void shouldReadOnEveryNodeWhatAnyNodeWrote() {
    try (Jedis one = client(1); Jedis two = client(2); Jedis three = client(3)) {
      for (int i = 0; i < 50; i++) {
        assertThat(one.set("key-" + i, "value-" + i)).isEqualTo("OK");
      }
      for (int i = 0; i < 50; i++) {
        assertThat(two.get("key-" + i)).isEqualTo("value-" + i);
        assertThat(three.get("key-" + i)).isEqualTo("value-" + i);
      }
    }
  }

  @Test
  void shouldShareDataWithTheClusterClientBothWays() {
    try (Jedis jedis = client(2)) {
      jedis.hset("driver", Map.of("name", "bob", "city", "oslo"));
      assertThat(store.kv().dictGetAll("driver")).containsEntry("name", "bob").containsEntry("city", "oslo");

      store.kv().put("from-dst", "v1");
      assertThat(jedis.get("from-dst")).isEqualTo("v1");
      assertThat(jedis.incr("counter")).isEqualTo(1L);
      assertThat(store.kv().get("counter")).isEqualTo("1");
    }
  }

  @Test
  void shouldAnswerPipelinedCommandsInOrderWithReadsSeeingEarlierWrites() {
    try (Jedis one = client(1); Jedis two = client(2)) {
      Pipeline p = one.pipelined();
      List<Response<String>> sets = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        sets.add(p.set("pipe-" + i, "v" + i));
      }
      Response<Long> hset = p.hset("pipe-hash", Map.of("f", "v", "g", "w"));
      Response<String> setOnHash = p.set("pipe-hash", "x");
      Response<String> get = p.get("pipe-7");
      Response<String> getHash = p.get("pipe-hash");
      Response<Long> incr = p.incr("pipe-counter");
      Response<String> overwrite = p.set("pipe-7", "again");
      Response<String> reread = p.get("pipe-7");
      // One run of GETs over many partitions, several keys each, one of the wrong type.
      List<Response<String>> gets = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        gets.add(p.get("pipe-" + i));
      }
      Response<String> getHashAgain = p.get("pipe-hash");
      p.sync();
      assertThat(sets).allSatisfy(r -> assertThat(r.get()).isEqualTo("OK"));
      assertThat(hset.get()).isEqualTo(2);
      assertThatThrownBy(setOnHash::get).hasMessageStartingWith("WRONGTYPE");
      assertThat(get.get()).isEqualTo("v7");
      assertThatThrownBy(getHash::get).hasMessageStartingWith("WRONGTYPE");
      assertThat(incr.get()).isEqualTo(1);
      assertThat(overwrite.get()).isEqualTo("OK");
      assertThat(reread.get()).isEqualTo("again");
      for (int i = 0; i < 40; i++) {
        assertThat(gets.get(i).get()).isEqualTo(i == 7 ? "again" : "v" + i);
      }
      assertThatThrownBy(getHashAgain::get).hasMessageStartingWith("WRONGTYPE");
      for (int i = 0; i < 40; i++) {
        assertThat(two.get("pipe-" + i)).isEqualTo(i == 7 ? "again" : "v" + i);
      }
      assertThat(two.hgetAll("pipe-hash")).isEqualTo(Map.of("f", "v", "g", "w"));
    }
  }

  @Test
  void shouldKeepServingThroughTheOtherNodesWhenOneStops() {
    try (Jedis one = client(1)) {
      one.set("survivor", "yes");
    }
    cluster.stopNode(3);
    try (Jedis two = client(2)) {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
          .until(() -> "yes".equals(two.get("survivor")) && "OK".equals(two.set("after", "stop")));
    } finally {
      cluster.startNode(3);
    }
  }

  @Test
  void shouldAnswerEveryCommandInOrderWhenFarMoreArriveThanOneBatchHolds() {
    int n = RespConnectionHandler.MAX_QUEUED * 3;
    try (Jedis one = client(1)) {
      Pipeline p = one.pipelined();
      List<Response<String>> sets = new ArrayList<>(n);
      List<Response<String>> gets = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        sets.add(p.set("flood-" + i, "v" + i));
        gets.add(p.get("flood-" + (i / 2)));
      }
      p.sync();
      for (int i = 0; i < n; i++) {
        assertThat(sets.get(i).get()).isEqualTo("OK");
        assertThat(gets.get(i).get()).isEqualTo("v" + (i / 2));
      }
      assertThat(one.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void shouldKeepEveryAcknowledgedPipelinedWriteWhenANodeStopsMidStream() {
    List<String> acknowledged = new ArrayList<>();
    int failed = 0;
    try (Jedis one = client(1)) {
      for (int round = 0; round < 60; round++) {
        if (round == 10) {
          cluster.stopNode(2);
        }
        Pipeline p = one.pipelined();
        List<Response<String>> sets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          sets.add(p.set("mid-" + round + "-" + i, "v"));
        }
        p.sync();
        for (int i = 0; i < sets.size(); i++) {
          try {
            assertThat(sets.get(i).get()).isEqualTo("OK");
            acknowledged.add("mid-" + round + "-" + i);
          } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            failed++; // an error reply, e.g. while the partition had no primary
          }
        }
      }
      assertThat(one.ping()).as("the connection survives the failover").isEqualTo("PONG");
    } finally {
      cluster.startNode(2);
    }
    assertThat(acknowledged).hasSizeGreaterThan(200);
    int errors = failed;
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .untilAsserted(() -> {
          try (Jedis three = client(3)) {
            List<String> values = three.mget(acknowledged.toArray(String[]::new));
            assertThat(values).as("acknowledged writes (%d others failed with an error)", errors)
                .allMatch("v"::equals);
          }
        });
  }
}
