package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.api.KvStore;
import io.dst.engine.log.ApplyResult;
import io.dst.engine.log.Mutation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group-committed kv writes: one log entry, applied in order, each write succeeding on its own. */
class KvBatchTest {
  private static final long T0 = 1_700_000_000_000L;

  private final EmbeddedStore store = new EmbeddedStore(4, () -> T0);

  private static int partitionOf(String key) {
    return new Mutation.StrDelete(key).target().partition();
  }

  @Test
  void appliesEachWriteInOrderAndReportsEachResult() {
    int p = partitionOf("k");
    String other = "other";
    for (int i = 0; partitionOf(other) == p; i++) {
      other = "other" + i;
    }
    ApplyResult r = store.apply(new Mutation.KvBatch(p, List.of(
        new Mutation.StrPut("k", "1"),
        new Mutation.StrIncr("k", 41),
        new Mutation.DictPut("k", Map.of("f", "v")),
        new Mutation.StrAppend("k", "!"),
        new Mutation.StrPut(other, "elsewhere"))));
    @SuppressWarnings("unchecked")
    List<ApplyResult> results = (List<ApplyResult>) r.value();
    assertThat(results).hasSize(5);
    assertThat(results.get(0).isOk()).isTrue();
    assertThat(results.get(1).value()).isEqualTo(42L);
    assertThat(results.get(2).error().code()).isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(results.get(3).value()).isEqualTo(3L);
    assertThat(results.get(4).error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(store.kv().get("k")).isEqualTo("42!");
    assertThat(store.kv().exists(other)).isFalse();
  }

  @Test
  void refusesANestedBatchOrATableWriteAloneAndAppliesTheRest() {
    int p = partitionOf("k");
    ApplyResult r = store.apply(new Mutation.KvBatch(p, List.of(
        new Mutation.KvBatch(p, List.of(new Mutation.StrPut("k", "nested"))),
        new Mutation.DropTable("t", true),
        new Mutation.StrPut("k", "v"))));
    @SuppressWarnings("unchecked")
    List<ApplyResult> results = (List<ApplyResult>) r.value();
    assertThat(results.get(0).error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(results.get(1).error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(results.get(2).isOk()).isTrue();
    assertThat(store.kv().get("k")).isEqualTo("v");
  }

  @Test
  void putsTheExpiryOfADueKeyBeforeItsFirstWrite() {
    EmbeddedStore writer = new EmbeddedStore(4, () -> T0);
    writer.apply(new Mutation.StrSet("n", "5", KvStore.SetCondition.ALWAYS, T0 + 10, T0));
    Mutation.KvBatch batch = new Mutation.KvBatch(partitionOf("n"), List.of(
        new Mutation.StrIncr("n", 1), new Mutation.StrIncr("n", 1)));
    assertThat(writer.withExpiries(batch, T0 + 9)).isSameAs(batch);
    Mutation.KvBatch withDrops = writer.withExpiries(batch, T0 + 10);
    assertThat(withDrops.mutations()).containsExactly(new Mutation.DropExpired("n", T0 + 10),
        new Mutation.StrIncr("n", 1), new Mutation.StrIncr("n", 1));
    writer.apply(withDrops);
    assertThat(writer.kv().get("n")).isEqualTo("2");
  }

  @Test
  void dictPutOfOneFieldFromAnImmutableMapWorks() {
    assertThat(store.kv().dictPut("h", Map.of("f", "v"))).isEqualTo(1);
    assertThat(store.kv().dictPut("h", Map.of("f", "w"))).isZero();
    assertThat(store.kv().dictGet("h", "f")).isEqualTo("w");
  }
}
