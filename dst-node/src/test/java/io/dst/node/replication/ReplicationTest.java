package io.dst.node.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.StoreNode;
import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import io.dst.node.meta.MetadataStore;
import io.dst.node.meta.PartitionState;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replication rules on a real 3-node cluster: real sockets, a real in-process ZooKeeper. */
class ReplicationTest {
  static LocalCluster cluster;
  static ClusterDataStore store;
  static CuratorFramework zk;
  static MetadataStore meta;

  @BeforeAll
  static void start() {
    cluster = new LocalCluster(3, "replication", null,
        b -> b.replicaLag(Duration.ofMillis(500)).snapshotEvery(50)).start();
    store = ClusterDataStore.connect(cluster.zkConnect(), cluster.clusterName(),
        Duration.ofSeconds(10));
    zk = CuratorFrameworkFactory.newClient(cluster.zkConnect(), new RetryOneTime(100));
    zk.start();
    meta = new MetadataStore(zk, cluster.clusterName());
  }

  @AfterAll
  static void stop() {
    store.close();
    zk.close();
    cluster.close();
  }

  @AfterEach
  void restartStoppedNodes() {
    for (int id = 1; id <= 3; id++) {
      if (cluster.nodes().get(id - 1) == null) {
        cluster.startNode(id);
      }
    }
  }

  static TableSchema table(String name) {
    return new TableSchema(name, List.of(
        new Column("id", ColumnType.of(ScalarType.INT), true, false, false),
        new Column("v", ColumnType.of(ScalarType.STRING), false, false, true)));
  }

  static PartitionState state(PartitionId p) {
    return meta.partition(p).orElseThrow().value();
  }

  static PartitionReplica replicaOn(int node, PartitionId p) {
    return cluster.node(node).replicaManager().replica(p).orElseThrow();
  }

  static TableData createFullyReplicated(String name) {
    store.createTable(table(name), 1, 3, 2, false);
    PartitionId p = new PartitionId(name, 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> state(p).isr().size() == 3);
    return store.table(name).orElseThrow();
  }

  static int follower(PartitionId p) {
    PartitionState s = state(p);
    return s.replicas().stream().filter(r -> r != s.primary()).findFirst().orElseThrow();
  }

  static long count(StoreNode node, String table) {
    return ((Number) node.localStore().table(table).orElseThrow().aggregate(0,
        new AggregateSpec(null, null, List.of(AggregateCall.countStar()))).get(0)[0]).longValue();
  }

  @Test
  void shouldAcknowledgeOnlyAfterEveryInSyncReplicaHasAppended() {
    TableData t = createFullyReplicated("acked");
    PartitionId p = new PartitionId("acked", 0);
    for (int i = 0; i < 30; i++) {
      t.insert(List.<Object[]>of(new Object[] {i, "v" + i}));
      PartitionState s = state(p);
      long committed = replicaOn(s.primary(), p).commitOffset();
      assertThat(committed).isGreaterThanOrEqualTo(i + 1);
      for (int member : s.isr()) {
        assertThat(replicaOn(member, p).logEnd()).as("log end of in-sync node " + member)
            .isGreaterThanOrEqualTo(i + 1);
      }
    }
  }

  @Test
  void shouldRemoveADeadReplicaFromTheInSyncSetBeforeAcknowledgingAndReaddItOnceCaughtUp() {
    TableData t = createFullyReplicated("lagging");
    PartitionId p = new PartitionId("lagging", 0);
    int dead = follower(p);
    cluster.stopNode(dead);
    t.insert(List.<Object[]>of(new Object[] {1, "written while a replica is down"}));
    assertThat(state(p).isr()).as("in-sync set in ZooKeeper when the write was acknowledged")
        .doesNotContain(dead).hasSize(2);
    for (int i = 2; i <= 120; i++) {
      t.insert(List.<Object[]>of(new Object[] {i, "more"}));
    }
    cluster.startNode(dead);
    await().atMost(Duration.ofSeconds(10)).until(() -> state(p).isr().contains(dead));
    int primary = state(p).primary();
    assertThat(replicaOn(dead, p).logEnd()).isGreaterThanOrEqualTo(120);
    await().atMost(Duration.ofSeconds(5)).until(() ->
        count(cluster.node(dead), "lagging") == count(cluster.node(primary), "lagging"));
    assertThat(count(cluster.node(dead), "lagging")).isEqualTo(120);
  }

  @Test
  void shouldRefuseWritesBelowTheMinimumInSyncSize() {
    TableData t = createFullyReplicated("minisr");
    PartitionId p = new PartitionId("minisr", 0);
    PartitionState s = state(p);
    List<Integer> followers = s.replicas().stream().filter(r -> r != s.primary()).toList();
    followers.forEach(cluster::stopNode);
    try (ClusterDataStore impatient = ClusterDataStore.connect(cluster.zkConnect(),
        cluster.clusterName(), Duration.ofSeconds(2))) {
      TableData ti = impatient.table("minisr").orElseThrow();
      int[] key = {0};
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThatThrownBy(() -> ti.insert(List.<Object[]>of(new Object[] {++key[0], "x"})))
              .isInstanceOfSatisfying(DstException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_ENOUGH_REPLICAS);
                assertThat(e.getMessage()).contains("in-sync").contains("needs 2");
              }));
      followers.forEach(cluster::startNode);
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(ti.insert(List.<Object[]>of(new Object[] {1000, "back"}))).isEqualTo(1));
    }
    assertThat(t.get(1000)).isPresent();
  }

  @Test
  void shouldCatchUpAReplicaFromASnapshotWhenTheLogNoLongerReachesIt() {
    TableData t = createFullyReplicated("snap");
    PartitionId p = new PartitionId("snap", 0);
    int dead = follower(p);
    cluster.stopNode(dead);
    for (int i = 0; i < 200; i++) {
      t.insert(List.<Object[]>of(new Object[] {i, "row" + i}));
    }
    int primary = state(p).primary();
    assertThat(replicaOn(primary, p).logEnd()).isEqualTo(200);
    cluster.startNode(dead);
    await().atMost(Duration.ofSeconds(10)).until(() -> state(p).isr().contains(dead));
    assertThat(count(cluster.node(dead), "snap")).isEqualTo(200);
    assertThat(cluster.node(dead).localStore().table("snap").orElseThrow().get(199))
        .hasValueSatisfying(r -> assertThat(r[1]).isEqualTo("row199"));
  }

  @Test
  void shouldDiscardAPartitionLeftOnDiskByAnEarlierTableOfTheSameName() {
    TableData old = createFullyReplicated("reborn");
    for (int i = 0; i < 120; i++) {
      old.insert(List.<Object[]>of(new Object[] {i, "old"}));
    }
    PartitionId p = new PartitionId("reborn", 0);
    int away = follower(p);
    cluster.stopNode(away);
    store.dropTable("reborn", false);
    store.createTable(table("reborn"), 1, 3, 2, false);
    TableData fresh = store.table("reborn").orElseThrow();
    fresh.insert(List.<Object[]>of(new Object[] {1, "new"}));
    cluster.startNode(away);
    await().atMost(Duration.ofSeconds(10)).until(() -> state(p).isr().contains(away));
    assertThat(count(cluster.node(away), "reborn")).isEqualTo(1);
    assertThat(cluster.node(away).localStore().table("reborn").orElseThrow().get(1))
        .hasValueSatisfying(r -> assertThat(r[1]).isEqualTo("new"));
  }
}
