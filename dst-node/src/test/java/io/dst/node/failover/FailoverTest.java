package io.dst.node.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.StoreNodeMain;
import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import io.dst.node.meta.PartitionState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a primary's process with SIGKILL and measures how long until its partition accepts writes
 * again. Two nodes run in this JVM, the victim in its own JVM ({@link StoreNodeMain}), all with
 * 1.5 s ZooKeeper sessions.
 */
class FailoverTest {
  private static final Logger log = LoggerFactory.getLogger(FailoverTest.class);
  private static final int PARTITIONS = 6;

  @TempDir
  Path tmp;
  private LocalCluster cluster;
  private Process victim;

  @AfterEach
  void stop() {
    if (victim != null) {
      victim.destroyForcibly();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private Process startExternalNode(int id) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StoreNodeMain.class.getName(), "--zk", cluster.zkConnect(), "--cluster",
        cluster.clusterName(), "--node-id", String.valueOf(id), "--data-dir",
        tmp.resolve("node-" + id).toString(), "--fast-failover");
    pb.redirectError(tmp.resolve("node-" + id + ".log").toFile());
    Process p = pb.start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (Exception e) {
        return null;
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(line).as("node %d's first line (log: %s)", id,
        Files.exists(tmp.resolve("node-" + id + ".log")) ? tmp.resolve("node-" + id + ".log") : "")
        .startsWith("READY " + id + " ");
    return p;
  }

  @Test
  void shouldAcceptWritesAgainWithinThreeSecondsOfAPrimaryKill() throws Exception {
    cluster = new LocalCluster(2, "failover", tmp.resolve("cluster"), b -> b).start();
    victim = startExternalNode(3);
    try (ClusterDataStore store = ClusterDataStore.connect(cluster.zkConnect(),
        cluster.clusterName(), Duration.ofSeconds(10))) {
      TableSchema schema = new TableSchema("ft", List.of(
          new Column("id", ColumnType.of(ScalarType.INT), true, false, false),
          new Column("v", ColumnType.of(ScalarType.STRING), false, false, true)));
      store.createTable(schema, PARTITIONS, 3, 2, false);
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        for (int p = 0; p < PARTITIONS; p++) {
          var s = store.view().partition(new PartitionId("ft", p));
          if (s.isEmpty() || s.get().value().isr().size() < 3) {
            return false;
          }
        }
        return true;
      });
      int target = -1;
      for (int p = 0; p < PARTITIONS; p++) {
        if (store.view().partition(new PartitionId("ft", p)).orElseThrow().value().primary() == 3) {
          target = p;
        }
      }
      assertThat(target).as("some partition has the external node as primary").isNotNegative();
      int[] keys = keysOf(target, 400);
      TableData t = store.table("ft").orElseThrow();
      for (int i = 0; i < 200; i++) {
        t.insert(List.<Object[]>of(new Object[] {keys[i], "before"}));
      }

      int[] next = {200};
      // The client connects before the kill, as an application's would be: its short timeout is
      // for requests during the failover, not for loading metadata on a loaded machine.
      try (ClusterDataStore impatient = connectImpatient()) {
        TableData ti = impatient.table("ft").orElseThrow();
        long killedAt = System.nanoTime();
        victim.destroyForcibly().waitFor();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
            .ignoreExceptions().until(() -> ti.insert(
                List.<Object[]>of(new Object[] {keys[next[0]++], "after"})) == 1);
        long millis = (System.nanoTime() - killedAt) / 1_000_000;
        log.info("FAILOVER: partition ft/{} accepted writes again {} ms after its primary's "
            + "process was killed", target, millis);
        assertThat(millis).isLessThan(3000);
      }

      PartitionState after = store.view().partition(new PartitionId("ft", target)).orElseThrow()
          .value();
      assertThat(after.primary()).isNotEqualTo(3);
      assertThat(after.epoch()).isGreaterThan(1);
      for (int i = 0; i < 200; i++) {
        assertThat(t.get(keys[i])).as("acknowledged row %d", keys[i]).isPresent();
      }
    }
  }

  private static int[] keysOf(int partition, int n) {
    int[] out = new int[n];
    int found = 0;
    for (int k = 0; found < n; k++) {
      if (Partitioner.partitionOf(k, PARTITIONS) == partition) {
        out[found++] = k;
      }
    }
    return out;
  }

  /** A client whose requests time out after 300 ms, connected with a patient metadata load. */
  private ClusterDataStore connectImpatient() {
    ClusterDataStore patient = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (patient == null) {
      try {
        patient = ClusterDataStore.connect(cluster.zkConnect(), cluster.clusterName(),
            Duration.ofMillis(300));
      } catch (io.dst.engine.DstException slowMetadata) {
        if (System.nanoTime() > deadline) {
          throw slowMetadata;
        }
      }
    }
    return patient;
  }
}
