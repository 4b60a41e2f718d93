package io.dst.node.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.log.ApplyResult;
import io.dst.node.log.FsyncPolicy;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.ReplicationRequest.EntryData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A follower replica on its own: epoch fencing, truncation and commit-driven application. */
class PartitionReplicaTest {
  @TempDir
  Path dir;

  /** A state machine that records the payloads it applied, in order. */
  static final class Recorder implements PartitionStateMachine {
    final List<String> applied = new ArrayList<>();

    @Override
    public ApplyResult apply(byte[] entry) {
      applied.add(new String(entry, StandardCharsets.UTF_8));
      return ApplyResult.ok(applied.size());
    }

    @Override
    public byte[] snapshot() {
      return String.join("\n", applied).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void restore(byte[] snapshot) {
      applied.clear();
      String s = new String(snapshot, StandardCharsets.UTF_8);
      if (!s.isEmpty()) {
        applied.addAll(List.of(s.split("\n")));
      }
    }
  }

  static final PartitionId P = new PartitionId("t", 0);
  final Recorder machine = new Recorder();

  /** What "ZooKeeper" holds in these tests: the epoch a test last moved the partition to. */
  long configuredEpoch = 1;

  final EpochAuthority authority = (partition, epoch, primaryId) ->
      epoch == configuredEpoch ? java.util.Optional.empty()
          : java.util.Optional.of("epoch " + configuredEpoch);

  PartitionReplica open() {
    ReplicationSettings settings = new ReplicationSettings(2, 77, Duration.ofSeconds(1),
        Duration.ofMillis(100), Duration.ofMillis(50), 100, 1_000_000, 1 << 20,
        FsyncPolicy.always());
    return new PartitionReplica(P, dir, settings, machine, null, authority,
        (node, req) -> CompletableFuture.failedFuture(new IllegalStateException("no peers")));
  }

  static List<EntryData> entries(long epoch, String... payloads) {
    List<EntryData> out = new ArrayList<>();
    for (String p : payloads) {
      out.add(new EntryData(epoch, p.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void shouldApplyOnlyEntriesBelowThePrimarysCommitOffset() {
    try (PartitionReplica r = open()) {
      r.onHandshake(new ReplicationRequest.Handshake(1, P, 1, 1));
      r.onAppend(new ReplicationRequest.Append(2, P, 1, 0, 0, entries(1, "a", "b", "c")));
      assertThat(machine.applied).isEmpty();
      r.onAppend(new ReplicationRequest.Append(3, P, 1, 3, 2, List.of()));
      assertThat(machine.applied).containsExactly("a", "b");
      assertThat(r.position().logEnd()).isEqualTo(3);
    }
  }

  @Test
  void shouldRefuseMessagesFromAnOlderEpoch() {
    try (PartitionReplica r = open()) {
      configuredEpoch = 5;
      r.onHandshake(new ReplicationRequest.Handshake(1, P, 5, 1));
      assertThatThrownBy(() -> r.onAppend(new ReplicationRequest.Append(2, P, 4, 0, 0,
          entries(4, "stale")))).isInstanceOfSatisfying(DstException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_EPOCH));
      assertThatThrownBy(() -> r.onHandshake(new ReplicationRequest.Handshake(3, P, 3, 9)))
          .isInstanceOfSatisfying(DstException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_EPOCH));
      assertThat(r.position().logEnd()).isZero();
    }
  }

  @Test
  void shouldTruncateADivergentTailWhereTheNewPrimarySays() {
    try (PartitionReplica r = open()) {
      r.onHandshake(new ReplicationRequest.Handshake(1, P, 1, 1));
      r.onAppend(new ReplicationRequest.Append(2, P, 1, 0, 2,
          entries(1, "a", "b", "c-uncommitted", "d-uncommitted")));
      assertThat(r.position().lastEpoch()).isEqualTo(1);
      // The new primary of epoch 2 only had a, b, c from epoch 1: epoch 1 ends at 3 in its log.
      configuredEpoch = 2;
      r.onHandshake(new ReplicationRequest.Handshake(3, P, 2, 3));
      r.onAppend(new ReplicationRequest.Append(4, P, 2, 3, 5, entries(2, "e", "f")));
      assertThat(r.position().logEnd()).isEqualTo(5);
      assertThat(r.position().lastEpoch()).isEqualTo(2);
      assertThat(machine.applied).containsExactly("a", "b", "c-uncommitted", "e", "f");
    }
    try (PartitionReplica again = open()) {
      assertThat(again.position().logEnd()).as("truncation is durable").isEqualTo(5);
    }
  }

  @Test
  void shouldNeverTruncateBelowWhatItApplied() {
    try (PartitionReplica r = open()) {
      r.onHandshake(new ReplicationRequest.Handshake(1, P, 1, 1));
      r.onAppend(new ReplicationRequest.Append(2, P, 1, 0, 3, entries(1, "a", "b", "c")));
      r.onAppend(new ReplicationRequest.Append(3, P, 1, 1, 3, entries(1, "b", "c", "d")));
      assertThat(r.position().logEnd()).isEqualTo(4);
      assertThat(machine.applied).containsExactly("a", "b", "c");
    }
  }

  @Test
  void shouldRefuseANewerEpochThatZooKeeperDoesNotHold() {
    try (PartitionReplica r = open()) {
      r.onHandshake(new ReplicationRequest.Handshake(1, P, 1, 1));
      r.onAppend(new ReplicationRequest.Append(2, P, 1, 0, 1, entries(1, "a")));

      assertThatThrownBy(() -> r.onHandshake(new ReplicationRequest.Handshake(3, P, 1_000_000, 99)))
          .isInstanceOf(DstException.class)
          .hasMessageContaining("epoch 1000000 with primary node 99 is not the configuration in ZooKeeper")
          .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.STALE_EPOCH);

      // The forged epoch was not adopted: the real primary of epoch 1 still gets through.
      r.onAppend(new ReplicationRequest.Append(4, P, 1, 1, 2, entries(1, "b")));
      assertThat(machine.applied).containsExactly("a", "b");
    }
  }
}
