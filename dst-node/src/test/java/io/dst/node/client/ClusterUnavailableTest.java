package io.dst.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.time.Duration;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

class ClusterUnavailableTest {
  @Test
  void shouldSayClearlyThatAClusterWithoutNodesCannotServe() throws Exception {
    try (TestingServer zk = new TestingServer(true);
         ClusterDataStore store = ClusterDataStore.connect(zk.getConnectString(), "empty",
             Duration.ofMillis(500))) {
      assertThatThrownBy(() -> store.kv().get("k1")).isInstanceOfSatisfying(DstException.class,
          e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("could not serve partition $kv/")
                .contains("not assigned");
          });
      TableSchema t = new TableSchema("t", List.of(
          new Column("id", ColumnType.of(ScalarType.INT), true, false, false)));
      assertThatThrownBy(() -> store.createTable(t, false))
          .isInstanceOfSatisfying(DstException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("is a node running?");
          });
    }
  }

  @Test
  void shouldFailToConnectWithinTheTimeoutWhenZooKeeperIsDown() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> ClusterDataStore.connect("127.0.0.1:1", "none",
        Duration.ofMillis(700))).isInstanceOfSatisfying(DstException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }
}
