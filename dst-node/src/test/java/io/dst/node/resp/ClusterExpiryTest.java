package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.log.Mutation;
import io.dst.node.StoreNode;
import io.dst.node.local.LocalCluster;
import io.dst.node.replication.PartitionReplica;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.params.SetParams;

/**
 * Key expiry on a real three-node cluster: deadlines travel in the replicated log, only the
 * partition's primary expires keys (through its log) and judges EXPIRE's conditions, and a new
 * primary takes both over after a failover.
 */
class ClusterExpiryTest {
  private final LocalCluster cluster = new LocalCluster(3, "expiry", null, n -> n.respPort(0)).start();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private Jedis client(int nodeId) {
    return new Jedis("127.0.0.1", cluster.node(nodeId).respAddress().getPort(), 10_000);
  }

  private static PartitionId partitionOf(String key) {
    return new PartitionId(PartitionId.KV_TABLE, Partitioner.partitionOf(key, Mutation.KV_PARTITIONS));
  }

  /** Whether {@code store} still holds {@code key} (expired or not), with a deadline. */
  private static boolean holdsWithDeadline(EmbeddedStore store, String key) {
    return store.dueExpiries(partitionOf(key).partition(), Long.MAX_VALUE, Integer.MAX_VALUE)
        .stream().anyMatch(d -> d.key().equals(key));
  }

  private int primaryOf(PartitionId id) {
    for (StoreNode n : cluster.nodes()) {
      if (n != null && n.replicaManager().replica(id).map(r -> r.role() == PartitionReplica.Role.PRIMARY
          && r.isServing()).orElse(false)) {
        return n.nodeId();
      }
    }
    return -1;
  }

  @Test
  void shouldServeExpiryCommandsThroughAnyNode() {
    try (Jedis one = client(1); Jedis two = client(2); Jedis three = client(3)) {
      assertThat(one.set("s", "v", SetParams.setParams().ex(100).nx())).isEqualTo("OK");
      assertThat(two.set("s", "w", SetParams.setParams().nx())).isNull();
      assertThat(three.ttl("s")).isBetween(98L, 100L);
      assertThat(two.persist("s")).isOne();
      assertThat(one.ttl("s")).isEqualTo(-1);
      three.hset("h", Map.of("f", "v"));
      assertThat(one.pexpire("h", 60_000)).isOne();
      assertThat(two.pttl("h")).isBetween(1L, 60_000L);
      assertThat(three.set("gone", "v", SetParams.setParams().px(1))).isEqualTo("OK");
      await().atMost(Duration.ofSeconds(5)).until(() -> two.get("gone") == null);
    }
  }

  /** The deadline {@code store} holds for {@code key}, or null when it holds none. */
  private static Long deadlineIn(EmbeddedStore store, String key) {
    return store.dueExpiries(partitionOf(key).partition(), Long.MAX_VALUE, Integer.MAX_VALUE)
        .stream().filter(d -> d.key().equals(key)).map(Mutation.DropExpired::deadlineMillis)
        .findFirst().orElse(null);
  }

  /** A key other than {@code key} in the same kv partition, so one failover moves both. */
  private static String neighbourOf(String key, String prefix) {
    for (int i = 0; ; i++) {
      if (partitionOf(prefix + i).equals(partitionOf(key))) {
        return prefix + i;
      }
    }
  }

  @Test
  void shouldExpireAKeyOnEveryReplicaThroughTheNewPrimaryAfterFailover() {
    String key = "session:42";
    String conditional = neighbourOf(key, "cond:");
    PartitionId id = partitionOf(key);
    long before = System.currentTimeMillis();
    try (Jedis one = client(1); Jedis two = client(2)) {
      assertThat(one.set(key, "token", SetParams.setParams().px(3_000))).isEqualTo("OK");
      assertThat(one.set("kept:" + key, "x")).isEqualTo("OK");
      // Conditional expires go through the key's primary, which judges them as it applies them.
      assertThat(two.set(conditional, "v")).isEqualTo("OK");
      assertThat(one.expire(conditional, 100, ExpiryOption.GT)).isZero();
      assertThat(two.expire(conditional, 100, ExpiryOption.NX)).isOne();
      assertThat(one.expire(conditional, 100, ExpiryOption.NX)).isZero();
      assertThat(two.expire(conditional, 50, ExpiryOption.GT)).isZero();
      assertThat(one.expire(conditional, 200, ExpiryOption.GT)).isOne();
    }
    long after = System.currentTimeMillis();
    // The deadlines reached every replica with the writes, the conditional one as applied.
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.nodes().stream()
        .allMatch(n -> holdsWithDeadline(n.localStore(), key)
            && deadlineIn(n.localStore(), conditional) != null
            && deadlineIn(n.localStore(), conditional) >= before + 200_000));
    Long deadline = deadlineIn(cluster.node(1).localStore(), conditional);
    assertThat(deadline).isBetween(before + 200_000, after + 200_000);
    assertThat(cluster.nodes())
        .allMatch(n -> deadline.equals(deadlineIn(n.localStore(), conditional)));
    int primary = primaryOf(id);
    assertThat(primary).isPositive();
    cluster.stopNode(primary);

    // Followers never expire on their own: the key goes from every store only once a new primary
    // serves and sends the expiry through its log.
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      int p = primaryOf(id);
      return p > 0 && p != primary;
    });
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.nodes().stream()
        .filter(n -> n != null)
        .noneMatch(n -> holdsWithDeadline(n.localStore(), key) || n.localStore().kv().exists(key)));
    int survivor = primary == 1 ? 2 : 1;
    try (Jedis jedis = client(survivor)) {
      assertThat(jedis.get(key)).isNull();
      assertThat(jedis.get("kept:" + key)).isEqualTo("x");
      // The new primary judges conditions against the deadline that survived the failover.
      assertThat(jedis.expire(conditional, 10, ExpiryOption.NX)).isZero();
      assertThat(jedis.expire(conditional, 150, ExpiryOption.GT)).isZero();
      assertThat(jedis.expire(conditional, 300, ExpiryOption.GT)).isOne();
      assertThat(jedis.ttl(conditional)).isBetween(290L, 300L);
    }
  }
}
