package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.KvStore.ExpiryCondition;
import io.dst.engine.api.KvStore.SetCondition;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Key expiry of the embedded kv store, with a clock the test moves. */
class KvExpiryTest {
  private static final long T0 = 1_700_000_000_000L;

  private final AtomicLong clock = new AtomicLong(T0);
  private final EmbeddedStore store = new EmbeddedStore(4, clock::get);
  private final KvStore kv = store.kv();

  @Test
  void keyWithDeadlineReadsAsAbsentOnceTheClockReachesIt() {
    assertThat(kv.set("k", "v", SetCondition.ALWAYS, T0 + 100)).isTrue();
    clock.set(T0 + 99);
    assertThat(kv.get("k")).isEqualTo("v");
    assertThat(kv.ttlMillis("k")).isEqualTo(1);
    clock.set(T0 + 100);
    assertThat(kv.get("k")).isNull();
    assertThat(kv.exists("k")).isFalse();
    assertThat(kv.type("k")).isEqualTo(KeyType.NONE);
    assertThat(kv.keys("*")).isEmpty();
    assertThat(kv.size()).isZero();
    assertThat(kv.ttlMillis("k")).isEqualTo(KvStore.TTL_ABSENT);
  }

  @Test
  void conditionsSeeAnExpiredKeyAsAbsent() {
    kv.set("k", "old", SetCondition.ALWAYS, T0 + 10);
    assertThat(kv.set("k", "nx", SetCondition.IF_ABSENT, KvStore.NO_EXPIRY)).isFalse();
    assertThat(kv.set("k", "xx", SetCondition.IF_PRESENT, KvStore.KEEP_EXPIRY)).isTrue();
    assertThat(kv.ttlMillis("k")).isEqualTo(10);
    clock.set(T0 + 10);
    assertThat(kv.set("k", "xx", SetCondition.IF_PRESENT, KvStore.NO_EXPIRY)).isFalse();
    assertThat(kv.set("k", "nx", SetCondition.IF_ABSENT, KvStore.NO_EXPIRY)).isTrue();
    assertThat(kv.get("k")).isEqualTo("nx");
    assertThat(kv.ttlMillis("k")).isEqualTo(KvStore.TTL_NONE);
  }

  @Test
  void plainWritesDropTheDeadlineOrKeepItAsRedisDoes() {
    kv.set("a", "1", SetCondition.ALWAYS, T0 + 50);
    kv.put("a", "2"); // SET without KEEPTTL clears it
    assertThat(kv.ttlMillis("a")).isEqualTo(KvStore.TTL_NONE);
    kv.set("n", "1", SetCondition.ALWAYS, T0 + 50);
    assertThat(kv.incrementBy("n", 1)).isEqualTo(2); // INCR keeps it
    assertThat(kv.ttlMillis("n")).isEqualTo(50);
    clock.set(T0 + 50);
    // A write to a due key finds it absent, like a read does.
    assertThat(kv.incrementBy("n", 1)).isEqualTo(1);
    assertThat(kv.ttlMillis("n")).isEqualTo(KvStore.TTL_NONE);
    kv.set("s", "abc", SetCondition.ALWAYS, T0 + 60);
    clock.set(T0 + 60);
    assertThat(kv.append("s", "x")).isEqualTo(1);
    assertThat(kv.delete("s")).isTrue();
    kv.set("gone", "v", SetCondition.ALWAYS, T0 + 61);
    clock.set(T0 + 61);
    assertThat(kv.delete("gone")).isFalse();
  }

  @Test
  void expireAndPersistChangeTheDeadlineOfLiveKeysOnly() {
    assertThat(kv.expireAt("missing", T0 + 5)).isFalse();
    kv.dictPut("d", Map.of("f", "v"));
    assertThat(kv.expireAt("d", T0 + 5)).isTrue();
    assertThat(kv.ttlMillis("d")).isEqualTo(5);
    assertThat(kv.persist("d")).isTrue();
    assertThat(kv.persist("d")).isFalse();
    assertThat(kv.expireAt("d", T0)).isTrue(); // a deadline already passed deletes
    assertThat(kv.exists("d")).isFalse();
    assertThat(kv.set("p", "v", SetCondition.ALWAYS, T0 - 1)).isTrue();
    assertThat(kv.exists("p")).isFalse();
    assertThatThrownBy(() -> kv.expireAt("p", -3)).hasMessageContaining("must be positive");
  }

  @Test
  void expiryConditionsJudgeTheCurrentDeadlineAsRedis7Does() {
    kv.put("k", "v");
    assertThat(kv.expireAt("k", T0 + 100, ExpiryCondition.IF_DEADLINE)).as("XX, none").isFalse();
    assertThat(kv.expireAt("k", T0 + 100, ExpiryCondition.IF_LATER)).as("GT, none").isFalse();
    assertThat(kv.expireAt("k", T0 + 100, ExpiryCondition.IF_DEADLINE_EARLIER)).isFalse();
    assertThat(kv.ttlMillis("k")).isEqualTo(KvStore.TTL_NONE);
    assertThat(kv.expireAt("k", T0 + 100, ExpiryCondition.IF_NO_DEADLINE)).as("NX, none").isTrue();
    assertThat(kv.expireAt("k", T0 + 200, ExpiryCondition.IF_NO_DEADLINE)).as("NX, some").isFalse();
    assertThat(kv.expireAt("k", T0 + 100, ExpiryCondition.IF_LATER)).as("GT, equal").isFalse();
    assertThat(kv.expireAt("k", T0 + 50, ExpiryCondition.IF_LATER)).as("GT, earlier").isFalse();
    assertThat(kv.expireAt("k", T0 + 300, ExpiryCondition.IF_LATER)).as("GT, later").isTrue();
    assertThat(kv.expireAt("k", T0 + 400, ExpiryCondition.IF_EARLIER)).as("LT, later").isFalse();
    assertThat(kv.expireAt("k", T0 + 300, ExpiryCondition.IF_EARLIER)).as("LT, equal").isFalse();
    assertThat(kv.expireAt("k", T0 + 250, ExpiryCondition.IF_DEADLINE_EARLIER)).isTrue();
    assertThat(kv.expireAt("k", T0 + 260, ExpiryCondition.IF_DEADLINE)).as("XX, some").isTrue();
    assertThat(kv.ttlMillis("k")).isEqualTo(260);
    assertThat(kv.expireAt("missing", T0 + 5, ExpiryCondition.IF_NO_DEADLINE)).isFalse();
    kv.dictPut("d", Map.of("f", "v"));
    assertThat(kv.expireAt("d", T0 + 5, ExpiryCondition.IF_EARLIER)).as("LT, none").isTrue();
    assertThat(kv.ttlMillis("d")).isEqualTo(5);
  }

  @Test
  void aConditionIsJudgedBeforeAPastDeadlineDeletes() {
    kv.put("plain", "v");
    assertThat(kv.expireAt("plain", T0 - 1, ExpiryCondition.IF_LATER)).isFalse();
    assertThat(kv.get("plain")).as("GT never applies to a key without deadline").isEqualTo("v");
    assertThat(kv.expireAt("plain", T0 - 1, ExpiryCondition.IF_EARLIER)).isTrue();
    assertThat(kv.exists("plain")).as("LT applies, and a past deadline deletes").isFalse();
    kv.set("due", "v", SetCondition.ALWAYS, T0 + 10);
    clock.set(T0 + 10);
    // A key already due is absent: no condition brings it back.
    assertThat(kv.expireAt("due", T0 + 100, ExpiryCondition.IF_LATER)).isFalse();
    assertThat(kv.expireAt("due", T0 + 100, ExpiryCondition.IF_NO_DEADLINE)).isFalse();
    assertThat(kv.exists("due")).isFalse();
  }

  @Test
  void racingNxExpiresSetTheDeadlineOnce() throws Exception {
    kv.put("k", "v");
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> won = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        long deadline = T0 + 1_000 + i;
        won.add(pool.submit(() -> {
          go.await();
          return kv.expireAt("k", deadline, ExpiryCondition.IF_NO_DEADLINE);
        }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Boolean> f : won) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isOne();
      assertThat(kv.ttlMillis("k")).isBetween(1_000L, 1_000L + racers);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aConditionalExpireAppliesAlikeOnAReplicaWhateverItsClock() {
    Mutation set = new Mutation.StrSet("k", "v", SetCondition.ALWAYS, T0 + 100, T0);
    Mutation gt = new Mutation.Expire("k", T0 + 200, T0 + 1, ExpiryCondition.IF_LATER);
    Mutation nx = new Mutation.Expire("k", T0 + 300, T0 + 2, ExpiryCondition.IF_NO_DEADLINE);
    EmbeddedStore replica = new EmbeddedStore(4, () -> 0L);
    for (EmbeddedStore s : List.of(store, replica)) {
      assertThat(s.apply(LogEntryCodec.decode(LogEntryCodec.encode(set))).value()).isEqualTo(true);
      assertThat(s.apply(LogEntryCodec.decode(LogEntryCodec.encode(gt))).value()).isEqualTo(true);
      assertThat(s.apply(LogEntryCodec.decode(LogEntryCodec.encode(nx))).value()).isEqualTo(false);
    }
    PartitionId id = set.target();
    assertThat(replica.snapshotBytes(id)).isEqualTo(store.snapshotBytes(id));
    assertThat(kv.ttlMillis("k")).isEqualTo(200);
  }

  @Test
  void setOnADictIsAWrongTypeErrorUnlessTheConditionFails() {
    kv.dictPut("d", Map.of("f", "v"));
    assertThatThrownBy(() -> kv.set("d", "v", SetCondition.ALWAYS, KvStore.NO_EXPIRY))
        .hasMessageContaining("holds a dict");
    assertThat(kv.set("d", "v", SetCondition.IF_ABSENT, KvStore.NO_EXPIRY)).isFalse();
  }

  @Test
  void dropExpiredDeletesOnlyWhileTheDeadlineIsUnchanged() {
    kv.set("k", "v", SetCondition.ALWAYS, T0 + 5);
    clock.set(T0 + 5);
    List<Mutation.DropExpired> due = store.dueExpiries(
        new Mutation.StrPut("k", "").target().partition(), clock.get(), 10);
    assertThat(due).containsExactly(new Mutation.DropExpired("k", T0 + 5));
    // Set again with a new deadline before the drop is applied: the drop must not delete it.
    kv.set("k", "v2", SetCondition.ALWAYS, T0 + 500);
    assertThat(store.apply(due.get(0)).value()).isEqualTo(false);
    assertThat(kv.get("k")).isEqualTo("v2");
    clock.set(T0 + 500);
    assertThat(store.expireDueKeys(100)).isEqualTo(1);
    clock.set(T0);
    assertThat(kv.get("k")).as("deleted, not merely hidden").isNull();
  }

  @Test
  void snapshotsCarryDeadlinesAndReplicasReachTheSameBytes() {
    kv.set("a", "1", SetCondition.ALWAYS, T0 + 1000);
    kv.put("b", "2");
    kv.set("c", "3", SetCondition.ALWAYS, T0 + 2000);
    int p = new Mutation.StrPut("a", "").target().partition();
    PartitionId id = new PartitionId(PartitionId.KV_TABLE, p);
    EmbeddedStore restored = new EmbeddedStore(4, clock::get);
    for (int i = 0; i < Mutation.KV_PARTITIONS; i++) {
      PartitionId part = new PartitionId(PartitionId.KV_TABLE, i);
      restored.loadSnapshot(part, store.snapshotBytes(part));
      assertThat(restored.snapshotBytes(part)).isEqualTo(store.snapshotBytes(part));
    }
    assertThat(restored.kv().ttlMillis("a")).isEqualTo(1000);
    assertThat(restored.kv().ttlMillis("b")).isEqualTo(KvStore.TTL_NONE);
    assertThat(restored.kv().ttlMillis("c")).isEqualTo(2000);
    // A replica applying the same log entries, whatever its own clock says, holds the same state.
    EmbeddedStore replica = new EmbeddedStore(4, () -> 0L);
    Mutation m = new Mutation.StrSet("a", "1", SetCondition.IF_ABSENT, T0 + 1000, T0);
    assertThat(replica.apply(LogEntryCodec.decode(LogEntryCodec.encode(m))).value()).isEqualTo(true);
    assertThat(replica.snapshotBytes(id)).isEqualTo(restoredOnly(id, "a"));
  }

  private byte[] restoredOnly(PartitionId id, String key) {
    EmbeddedStore one = new EmbeddedStore(4, clock::get);
    one.kv().set(key, "1", SetCondition.ALWAYS, T0 + 1000);
    return one.snapshotBytes(id);
  }

  @Test
  void aCorruptDeadlineInASnapshotIsRefused() {
    kv.set("a", "1", SetCondition.ALWAYS, T0 + 1000);
    PartitionId id = new PartitionId(PartitionId.KV_TABLE, new Mutation.StrPut("a", "").target()
        .partition());
    byte[] bytes = store.snapshotBytes(id);
    bytes[bytes.length - 6] ^= 0x10;
    assertThatThrownBy(() -> new EmbeddedStore().loadSnapshot(id, bytes))
        .isInstanceOf(DstException.class).hasMessageContaining("CRC32C");
  }
}
