package io.dst.node.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.PartitionId;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataStoreTest {
  TestingServer server;
  CuratorFramework zk;
  MetadataStore meta;

  @BeforeEach
  void start() throws Exception {
    server = new TestingServer(true);
    zk = CuratorFrameworkFactory.newClient(server.getConnectString(), new RetryOneTime(100));
    zk.start();
    meta = new MetadataStore(zk, "c1");
    meta.ensureLayout();
  }

  @AfterEach
  void stop() throws Exception {
    zk.close();
    server.close();
  }

  @Test
  void shouldRefuseACompareAndSetFromAStaleVersion() {
    PartitionId p = new PartitionId("t", 2);
    PartitionState first = new PartitionState(1, 1, 11, List.of(1, 2, 3), List.of(1, 2, 3));
    assertThat(meta.createPartition(p, first)).isTrue();
    assertThat(meta.createPartition(p, first)).as("second creation").isFalse();
    Versioned<PartitionState> read = meta.partition(p).orElseThrow();
    assertThat(read.value()).isEqualTo(first);

    int v1 = meta.casPartition(p, first.withIsr(List.of(1, 2)), read.version());
    assertThat(v1).isEqualTo(read.version() + 1);
    PartitionState promoted = new PartitionState(2, 2, 22, List.of(1, 2, 3), List.of(2));
    assertThat(meta.casPartition(p, promoted, read.version())).as("stale version").isEqualTo(-1);
    assertThat(meta.partition(p).orElseThrow().value().isr()).containsExactly(1, 2);
  }

  @Test
  void shouldKeepPartitionStateReadableForOperators() {
    PartitionState s = new PartitionState(7, PartitionState.NO_PRIMARY, 0, List.of(4, 5),
        List.of(5));
    String text = new String(s.encode(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("epoch=7", "primary=-1", "replicas=4,5", "isr=5");
    assertThat(PartitionState.decode(s.encode())).isEqualTo(s);
  }

  @Test
  void shouldAllocateDistinctNodeIds() {
    assertThat(meta.allocateNodeId()).isNotEqualTo(meta.allocateNodeId());
  }
}
