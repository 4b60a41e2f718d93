package io.dst.node.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import io.dst.node.log.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule 10: with logs and snapshots on disk, restarting every node loses nothing acknowledged. */
class ClusterRestartTest {
  @TempDir
  Path tmp;

  @Test
  void shouldLoseNoAcknowledgedWriteWhenEveryNodeRestarts() {
    TableSchema schema = new TableSchema("orders", List.of(
        new Column("id", ColumnType.of(ScalarType.LONG), true, false, false),
        new Column("customer", ColumnType.of(ScalarType.STRING), false, true, true),
        new Column("amount", ColumnType.of(ScalarType.DOUBLE), false, false, true)));
    try (LocalCluster cluster = new LocalCluster(3, "restart", tmp,
        b -> b.fsync(FsyncPolicy.always()).snapshotEvery(40)).start()) {
      try (ClusterDataStore store = ClusterDataStore.connect(cluster.zkConnect(),
          cluster.clusterName(), Duration.ofSeconds(10))) {
        store.createTable(schema, 4, 3, 2, false);
        TableData t = store.table("orders").orElseThrow();
        for (long i = 0; i < 300; i++) {
          t.insert(List.<Object[]>of(new Object[] {i, "c" + (i % 7), i * 1.5}));
        }
        for (int i = 0; i < 100; i++) {
          store.kv().put("key:" + i, "value:" + i);
        }
        store.kv().dictPut("dict_1", Map.of("k1", "v1"));
        assertThat(t.delete(new io.dst.engine.expr.Predicate.Compare(0,
            io.dst.engine.expr.CompareOp.GE, 290L))).isEqualTo(10);
      }
      for (int id = 1; id <= 3; id++) {
        cluster.stopNode(id);
      }
      for (int id = 1; id <= 3; id++) {
        cluster.startNode(id);
      }
      try (ClusterDataStore store = ClusterDataStore.connect(cluster.zkConnect(),
          cluster.clusterName(), Duration.ofSeconds(20))) {
        TableData t = store.table("orders").orElseThrow();
        assertThat(t.rowCount()).isEqualTo(290);
        for (long i = 0; i < 290; i++) {
          assertThat(t.get(i)).as("row %d", i).hasValueSatisfying(r ->
              assertThat(r[2]).isInstanceOf(Double.class));
        }
        assertThat(t.get(295L)).isEmpty();
        for (int i = 0; i < 100; i++) {
          assertThat(store.kv().get("key:" + i)).isEqualTo("value:" + i);
        }
        assertThat(store.kv().dictGet("dict_1", "k1")).isEqualTo("v1");
        t.insert(List.<Object[]>of(new Object[] {1000L, "after", 1.0}));
        assertThat(t.get(1000L)).isPresent();
      }
    }
  }
}
