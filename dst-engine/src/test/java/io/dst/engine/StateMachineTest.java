package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.TableData;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.log.ApplyResult;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateMachineTest {

  private static List<byte[]> encode(List<Mutation> log) {
    List<byte[]> out = new ArrayList<>();
    for (Mutation m : log) {
      out.add(LogEntryCodec.encode(m));
    }
    return out;
  }

  private static List<String> replay(EmbeddedStore store, List<byte[]> entries) {
    List<String> results = new ArrayList<>();
    for (byte[] e : entries) {
      ApplyResult r = store.apply(LogEntryCodec.decode(e));
      results.add(r.isOk() ? String.valueOf(r.value()) : r.error().code() + ": " + r.error().getMessage());
    }
    return results;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 20261123})
  void shouldReachByteIdenticalSnapshotsWhenReplayingTheSameLog(long seed) {
    List<byte[]> log = encode(RandomWorkload.generate(seed, 600));
    EmbeddedStore a = new EmbeddedStore();
    EmbeddedStore b = new EmbeddedStore(3); // its own default must not matter
    List<String> resultsA = replay(a, log);
    List<String> resultsB = replay(b, log);
    assertThat(resultsB).isEqualTo(resultsA);
    assertThat(resultsA).anyMatch(r -> r.startsWith("DUPLICATE_KEY"));
    assertThat(resultsA).anyMatch(r -> r.startsWith("WRONG_TYPE"));
    for (PartitionId id : RandomWorkload.partitions()) {
      assertThat(b.snapshotBytes(id)).as("snapshot of %s", id).isEqualTo(a.snapshotBytes(id));
    }
  }

  @Test
  void shouldRestoreSameStateFromSnapshots() {
    EmbeddedStore a = new EmbeddedStore();
    replay(a, encode(RandomWorkload.generate(7, 500)));
    EmbeddedStore restored = new EmbeddedStore();
    for (PartitionId id : RandomWorkload.partitions()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      a.writeSnapshot(id, out);
      restored.loadSnapshot(id, new ByteArrayInputStream(out.toByteArray()));
    }
    for (PartitionId id : RandomWorkload.partitions()) {
      assertThat(restored.snapshotBytes(id)).as("snapshot of %s", id).isEqualTo(a.snapshotBytes(id));
    }
    TableData ta = a.table("task_table").orElseThrow();
    TableData tr = restored.table("task_table").orElseThrow();
    assertThat(tr.rowCount()).isEqualTo(ta.rowCount()).isPositive();
    assertThat(tr.schema()).isEqualTo(ta.schema());
    assertThat(rows(tr)).isEqualTo(rows(ta));
    assertThat(restored.kv().keys("*")).containsExactlyInAnyOrderElementsOf(a.kv().keys("*"));
    // The restored store keeps applying the log like the original.
    List<byte[]> more = encode(RandomWorkload.generate(8, 200).subList(1, 200));
    assertThat(replay(restored, more)).isEqualTo(replay(a, more));
    assertThat(restored.snapshotBytes(new PartitionId("task_table", 2)))
        .isEqualTo(a.snapshotBytes(new PartitionId("task_table", 2)));
  }

  private static List<List<Object>> rows(TableData t) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : EmbeddedTableTest.scanAll(t, ScanSpec.all())) {
      out.add(Arrays.asList(r));
    }
    return out;
  }

  @Test
  void shouldLetANodeHoldOnlySomePartitions() {
    List<Mutation> log = RandomWorkload.generate(3, 400);
    EmbeddedStore full = new EmbeddedStore();
    EmbeddedStore node = new EmbeddedStore();
    PartitionId mine = new PartitionId("task_table", 1);
    for (Mutation m : log) {
      full.apply(m);
      if (m.target().equals(mine) || m.target().isCatalog()) {
        node.apply(m);
      }
    }
    assertThat(node.snapshotBytes(mine)).isEqualTo(full.snapshotBytes(mine));
    assertThat(node.table("task_table").orElseThrow().scan(0, ScanSpec.all()).hasNext()).isFalse();
  }

  @Test
  void shouldLoadTablePartitionSnapshotIntoStoreThatLacksTheTable() {
    EmbeddedStore a = new EmbeddedStore();
    replay(a, encode(RandomWorkload.generate(5, 300)));
    PartitionId id = new PartitionId("task_table", 3);
    EmbeddedStore b = new EmbeddedStore();
    b.loadSnapshot(id, a.snapshotBytes(id));
    assertThat(b.snapshotBytes(id)).isEqualTo(a.snapshotBytes(id));
    assertThat(b.table("task_table").orElseThrow().schema().extraIndexes()).hasSize(1);
  }

  @Test
  void shouldRefuseSnapshotsWithAFlippedByteAndKeepState() {
    EmbeddedStore a = new EmbeddedStore();
    replay(a, encode(RandomWorkload.generate(9, 200)));
    for (PartitionId id : List.of(new PartitionId("task_table", 0), new PartitionId("$kv", 3), PartitionId.CATALOG)) {
      byte[] good = a.snapshotBytes(id);
      EmbeddedStore b = new EmbeddedStore();
      b.loadSnapshot(PartitionId.CATALOG, a.snapshotBytes(PartitionId.CATALOG));
      byte[] before = b.snapshotBytes(id);
      for (int i = 0; i < good.length; i += Math.max(1, good.length / 97)) {
        byte[] bad = good.clone();
        bad[i] ^= 0x01;
        int at = i;
        assertThatThrownBy(() -> b.loadSnapshot(id, bad)).as("%s byte %d", id, at)
            .isInstanceOf(DstException.class)
            .hasMessageStartingWith("snapshot of " + id + " is corrupt")
            .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.CORRUPT_DATA);
      }
      assertThat(b.snapshotBytes(id)).isEqualTo(before);
    }
  }

  @Test
  void shouldRefuseSnapshotOfAnotherPartition() {
    EmbeddedStore a = new EmbeddedStore();
    a.createTable(TaskTables.taskTable(), false);
    byte[] p0 = a.snapshotBytes(new PartitionId("task_table", 0));
    assertThatThrownBy(() -> a.loadSnapshot(new PartitionId("task_table", 1), p0))
        .hasMessageContaining("snapshot of task_table/1 is corrupt: it holds partition task_table/0");
  }

  @Test
  void shouldRejectFailedMutationWithoutChangingState() {
    EmbeddedStore a = new EmbeddedStore(2);
    a.apply(new Mutation.CreateTable(TaskTables.taskTable(), 2, false));
    String key = "00001";
    int home = Partitioner.partitionOf(key, 2);
    a.apply(new Mutation.Insert("task_table", home, List.<Object[]>of(TaskTables.task(key, "d", "n", 1, null))));
    byte[] before = a.snapshotBytes(new PartitionId("task_table", home));
    String other = "00002";
    for (int i = 3; Partitioner.partitionOf(other, 2) != home; i++) {
      other = String.format("%05d", i);
    }
    ApplyResult dup = a.apply(new Mutation.Insert("task_table", home, List.of(
        TaskTables.task(other, "d", "n", 1, null), TaskTables.task(key, "d", "n", 1, null))));
    assertThat(dup.isOk()).isFalse();
    assertThat(dup.error().getMessage()).isEqualTo("duplicate primary key \"00001\" in table task_table");
    ApplyResult wrongPartition = a.apply(new Mutation.Insert("task_table", 1 - home,
        List.<Object[]>of(TaskTables.task(key, "d", "n", 1, null))));
    assertThat(wrongPartition.error().getMessage()).contains("belongs to partition " + home);
    ApplyResult unknown = a.apply(new Mutation.Delete("nope", 0, null));
    assertThat(unknown.error().code()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
    assertThat(a.snapshotBytes(new PartitionId("task_table", home))).isEqualTo(before);
  }
}
