package io.dst.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.PartitionId;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.local.LocalCluster;
import io.dst.node.meta.PartitionState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replication numbers are capped by live nodes, and grow back as nodes join. */
class SmallClusterTest {
  @Test
  void shouldCapReplicationByLiveNodesAndAddReplicasAsNodesJoin() {
    try (LocalCluster cluster = new LocalCluster(1).start();
         ClusterDataStore store = ClusterDataStore.connect(cluster.zkConnect(),
             cluster.clusterName(), Duration.ofSeconds(10))) {
      TableSchema schema = new TableSchema("solo", List.of(
          new Column("id", ColumnType.of(ScalarType.STRING), true, false, false),
          new Column("city", ColumnType.of(ScalarType.STRING), false, false, true)));
      store.createTable(schema, 2, 3, 2, false);
      TableData t = store.table("solo").orElseThrow();
      assertThat(t.insert(List.<Object[]>of(new Object[] {"a", "paris"},
          new Object[] {"b", "oslo"}))).isEqualTo(2);
      store.kv().put("k", "v");
      PartitionId p0 = new PartitionId("solo", 0);
      assertThat(store.view().partition(p0).orElseThrow().value().replicas()).hasSize(1);

      store.createIndex("solo", "by_city", List.of("city"));
      await().atMost(Duration.ofSeconds(5)).until(() -> cluster.node(1).localStore()
          .table("solo").orElseThrow().schema().extraIndexes().size() == 1);
      try (RowCursor c = t.lookup(1, "oslo", null)) {
        assertThat(c.hasNext()).isTrue();
        assertThat(c.next()[0]).isEqualTo("b");
      }

      // A second node joining gets a replica of every partition, catches up and enters the ISR.
      var second = cluster.addNode();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        PartitionState s = store.view().partition(p0).orElseThrow().value();
        return s.replicas().size() == 2 && s.isr().size() == 2;
      });
      assertThat(second.localStore().table("solo").orElseThrow().get("a")).isPresent();
      assertThat(t.insert(List.<Object[]>of(new Object[] {"c", "rome"}))).isEqualTo(1);
    }
  }
}
