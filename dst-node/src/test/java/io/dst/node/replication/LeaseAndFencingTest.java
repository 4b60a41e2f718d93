package io.dst.node.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import io.dst.node.StoreNode;
import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import io.dst.node.meta.PartitionState;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Query;
import io.dst.node.protocol.Response;
import io.dst.node.transport.Connection;
import io.dst.node.transport.Pipelines;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules 2 and 3 as a client sees them: epoch-checked requests, and no serving without a lease. */
class LeaseAndFencingTest {
  static LocalCluster cluster;
  static ClusterDataStore store;
  static EventLoopGroup loops;

  static final String KEY = "fenced";
  static final PartitionId P = new PartitionId(PartitionId.KV_TABLE,
      Partitioner.partitionOf(KEY, Mutation.KV_PARTITIONS));

  @BeforeAll
  static void start() {
    cluster = new LocalCluster(3, "fencing", null, b -> b).start();
    store = ClusterDataStore.connect(cluster.zkConnect(), cluster.clusterName(),
        Duration.ofSeconds(10));
    loops = Pipelines.eventLoops("fencing-test", 1);
    store.kv().put(KEY, "v1");
  }

  @AfterAll
  static void stop() {
    store.close();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    cluster.close();
  }

  static Response ask(StoreNode node, long epoch, boolean write) throws Exception {
    try (Connection c = Connection.open(loops, "127.0.0.1", node.address().getPort(),
        Duration.ofSeconds(2)).get()) {
      Mutation m = new Mutation.StrPut(KEY, "v2");
      return c.send(id -> write
          ? new DataRequest.Write(id, P, epoch, m, LogEntryCodec.encode(m))
          : new DataRequest.Read(id, P, epoch, new Query.KvGet(KEY)), Duration.ofSeconds(2)).get();
    }
  }

  static ErrorCode codeOf(Response r) {
    return r instanceof Response.Error e ? e.code() : null;
  }

  @Test
  void shouldRejectRequestsRoutedWithAnotherEpoch() throws Exception {
    PartitionState s = store.view().partition(P).orElseThrow().value();
    StoreNode primary = cluster.node(s.primary());
    String before = store.kv().get(KEY);
    assertThat(codeOf(ask(primary, s.epoch() - 1, true))).isEqualTo(ErrorCode.STALE_EPOCH);
    assertThat(codeOf(ask(primary, s.epoch() - 1, false))).isEqualTo(ErrorCode.STALE_EPOCH);
    assertThat(codeOf(ask(primary, s.epoch() + 1, false))).isEqualTo(ErrorCode.NOT_PRIMARY);
    int follower = s.replicas().stream().filter(r -> r != s.primary()).findFirst().orElseThrow();
    assertThat(codeOf(ask(cluster.node(follower), s.epoch(), false)))
        .isEqualTo(ErrorCode.NOT_PRIMARY);
    assertThat(ask(primary, s.epoch(), false)).isInstanceOf(Response.Ok.class);
    assertThat(store.kv().get(KEY)).as("the refused write changed nothing").isEqualTo(before);
  }

  @Test
  void shouldStopServingWhileTheZooKeeperSessionIsSuspended() throws Exception {
    PartitionState s = store.view().partition(P).orElseThrow().value();
    StoreNode primary = cluster.node(s.primary());
    cluster.stopZooKeeper();
    try {
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(ask(primary, s.epoch(), true)).isInstanceOfSatisfying(Response.Error.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_PRIMARY);
                assertThat(e.message()).contains("lease");
              }));
    } finally {
      cluster.restartZooKeeper();
    }
    await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
      store.kv().put(KEY, "after the outage");
      assertThat(store.kv().get(KEY)).isEqualTo("after the outage");
    });
  }
}
