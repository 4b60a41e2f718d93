package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.api.KvStore;
import io.dst.engine.api.KvStore.SetCondition;
import io.dst.engine.log.Mutation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The embedded store's timer that deletes due keys nobody reads, with a clock the test moves. */
class ActiveExpiryTest {
  private static final long T0 = 1_700_000_000_000L;

  private final AtomicLong clock = new AtomicLong(T0);
  private final EmbeddedStore store = new EmbeddedStore(4, clock::get);
  private final KvStore kv = store.kv();

  /** Keys the store still holds with a deadline, due or not: what a read would not reveal. */
  private List<String> keysWithDeadline() {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < Mutation.KV_PARTITIONS; p++) {
      store.dueExpiries(p, Long.MAX_VALUE, Integer.MAX_VALUE).forEach(d -> out.add(d.key()));
    }
    return out;
  }

  @Test
  void deletesDueKeysWithoutAnyoneTouchingThem() {
    for (int i = 0; i < 3_000; i++) {
      kv.set("session:" + i, "v", SetCondition.ALWAYS, T0 + 10);
    }
    kv.set("later", "v", SetCondition.ALWAYS, T0 + 60_000);
    kv.put("plain", "v");
    try (ActiveExpiry expiry = ActiveExpiry.start(store)) {
      assertThat(keysWithDeadline()).hasSize(3_001);
      clock.set(T0 + 10);
      await().atMost(Duration.ofSeconds(10))
          .until(() -> keysWithDeadline().equals(List.of("later")));
    }
    clock.set(T0);
    assertThat(kv.get("session:7")).as("deleted, not merely hidden").isNull();
    assertThat(kv.keys("*")).containsExactlyInAnyOrder("later", "plain");
  }

  @Test
  void onePassGoesOnPastOneSliceWhileSlicesComeBackFullAndTimeIsLeft() {
    int many = ActiveExpiry.SLICE * Mutation.KV_PARTITIONS * 3;
    for (int i = 0; i < many; i++) {
      kv.set("k" + i, "v", SetCondition.ALWAYS, T0 + 1);
    }
    clock.set(T0 + 1);
    try (ActiveExpiry noTimeLeft = new ActiveExpiry(store, 0);
        ActiveExpiry ample = new ActiveExpiry(store, 60_000)) {
      // Every partition holds well over a slice of due keys (3 slices' worth spread by hash).
      assertThat(noTimeLeft.pass()).isEqualTo(ActiveExpiry.SLICE * Mutation.KV_PARTITIONS);
      assertThat(ample.pass()).isEqualTo(many - ActiveExpiry.SLICE * Mutation.KV_PARTITIONS);
      assertThat(ample.pass()).isZero();
    }
    assertThat(keysWithDeadline()).isEmpty();
  }
}
