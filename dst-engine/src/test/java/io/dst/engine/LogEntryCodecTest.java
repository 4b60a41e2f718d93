package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.KvStore;
import io.dst.engine.codec.BinaryOut;
import io.dst.engine.codec.Checksums;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEntryCodecTest {
  static List<Mutation> samples() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("b", "2");
    fields.put("a", "1");
    Map<Integer, Object> set = new HashMap<>();
    set.put(3, 42);
    set.put(4, null);
    set.put(1, List.of("x", "y"));
    return List.of(
        new Mutation.StrPut("k1", "v1"),
        new Mutation.StrDelete("k1"),
        new Mutation.StrSet("k1", "v", KvStore.SetCondition.IF_ABSENT, 1_700_000_000_123L,
            1_700_000_000_000L),
        new Mutation.StrSet("k1", "v", KvStore.SetCondition.IF_PRESENT, KvStore.KEEP_EXPIRY, 5),
        new Mutation.Expire("k1", 99, 7),
        new Mutation.Expire("k1", KvStore.NO_EXPIRY, 7),
        new Mutation.Expire("k1", 1_700_000_000_123L, 1_700_000_000_000L,
            KvStore.ExpiryCondition.IF_LATER),
        new Mutation.Expire("k1", 99, 7, KvStore.ExpiryCondition.IF_DEADLINE_EARLIER),
        new Mutation.DropExpired("k1", 1_700_000_000_123L),
        new Mutation.KvBatch(5, List.of(new Mutation.StrPut("a", "1"),
            new Mutation.DictPut("d", fields), new Mutation.StrIncr("n", 3),
            new Mutation.Expire("a", 5, 1, KvStore.ExpiryCondition.IF_NO_DEADLINE))),
        new Mutation.StrIncr("n", -17),
        new Mutation.StrAppend("s", "ünïcode"),
        new Mutation.DictPut("d", fields),
        new Mutation.DictDelete("d", List.of("a", "zz")),
        new Mutation.CreateTable(TaskTables.taskTable(), 8, true),
        new Mutation.DropTable("task_table", false),
        new Mutation.CreateIndex("task_table", "by_name", List.of("task_name", "return_num")),
        new Mutation.Insert("task_table", 3, List.of(
            TaskTables.task("00001", "22222", "my_task", 3, List.of("1", "2")),
            new Object[] {"x", null, "", Integer.MIN_VALUE, List.of()},
            new Object[] {1L, 2.5, true, new byte[] {1, 2}, Long.MAX_VALUE})),
        new Mutation.Update("task_table", 1, Predicate.and(
            new Predicate.Compare(3, CompareOp.GE, 5),
            new Predicate.Or(List.of(new Predicate.IsNull(1), new Predicate.Like(2, "a%", '\\'))),
            new Predicate.Not(new Predicate.In(0, List.of("a", 2, 3.5, false)))), set),
        new Mutation.Delete("task_table", 0, Predicate.alwaysTrue()));
  }

  @Test
  void roundTripsIsClaimedOnlyForWritesThatDecodeToAnEqualWrite() {
    for (Mutation m : samples()) {
      if (LogEntryCodec.roundTrips(m)) {
        assertThat(LogEntryCodec.decode(LogEntryCodec.encode(m))).as(m.toString()).isEqualTo(m);
      }
    }
    assertThat(LogEntryCodec.roundTrips(new Mutation.StrPut("k", "v"))).isTrue();
    assertThat(LogEntryCodec.roundTrips(new Mutation.DictPut("d", Map.of("f", "ünï")))).isTrue();
  }

  @Test
  void anUnpairedSurrogateIsNotClaimedToRoundTrip() {
    String lone = "x\uD800y";
    Mutation put = new Mutation.StrPut("k", lone);
    assertThat(LogEntryCodec.decode(LogEntryCodec.encode(put))).isNotEqualTo(put);
    assertThat(LogEntryCodec.roundTrips(put)).isFalse();
    assertThat(LogEntryCodec.roundTrips(new Mutation.DictPut("d", Map.of(lone, "v")))).isFalse();
    assertThat(LogEntryCodec.roundTrips(new Mutation.KvBatch(0, List.of(
        new Mutation.StrPut("a", "b"), new Mutation.DropExpired(lone, 1))))).isFalse();
  }

  @Test
  void shouldRoundTripEveryMutationType() {
    for (Mutation m : samples()) {
      byte[] bytes = LogEntryCodec.encode(m);
      Mutation back = LogEntryCodec.decode(bytes);
      if (m instanceof Mutation.Insert ins) {
        Mutation.Insert b = (Mutation.Insert) back;
        assertThat(b.table()).isEqualTo(ins.table());
        for (int i = 0; i < ins.rows().size(); i++) {
          assertThat(Arrays.deepEquals(b.rows().get(i), ins.rows().get(i))).as("row %d", i).isTrue();
        }
      } else {
        assertThat(back).as(m.toString()).isEqualTo(m);
      }
      assertThat(LogEntryCodec.encode(back)).as("canonical encoding of %s", m).isEqualTo(bytes);
    }
  }

  @Test
  void shouldNameTargetPartitionOfEveryMutation() {
    assertThat(new Mutation.StrPut("k1", "v").target())
        .isEqualTo(new PartitionId("$kv", Partitioner.partitionOf("k1", 16)));
    assertThat(new Mutation.Insert("t", 5, List.of()).target()).isEqualTo(new PartitionId("t", 5));
    assertThat(new Mutation.DropTable("t", true).target()).isEqualTo(PartitionId.CATALOG);
  }

  @Test
  void shouldRefuseEveryEntryWithAFlippedByte() {
    for (Mutation m : samples()) {
      byte[] bytes = LogEntryCodec.encode(m);
      for (int i = 0; i < bytes.length; i++) {
        byte[] corrupt = bytes.clone();
        corrupt[i] ^= 0x10;
        int at = i;
        assertThatThrownBy(() -> LogEntryCodec.decode(corrupt)).as("%s, byte %d", m, at)
            .isInstanceOf(DstException.class)
            .hasMessageStartingWith("log entry is corrupt: CRC32C mismatch")
            .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.CORRUPT_DATA);
      }
    }
  }

  @Test
  void shouldRefuseTruncatedEntries() {
    byte[] bytes = LogEntryCodec.encode(new Mutation.StrPut("key", "value"));
    assertThatThrownBy(() -> LogEntryCodec.decode(Arrays.copyOf(bytes, 3)))
        .hasMessageContaining("log entry is corrupt: only 3 bytes");
    assertThatThrownBy(() -> LogEntryCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
        .hasMessageContaining("log entry is corrupt");
  }

  @Test
  void shouldRoundTripEveryExpiryCondition() {
    for (KvStore.ExpiryCondition c : KvStore.ExpiryCondition.values()) {
      Mutation m = new Mutation.Expire("k", 1_700_000_000_500L, 1_700_000_000_000L, c);
      assertThat(LogEntryCodec.decode(LogEntryCodec.encode(m))).as(c.name()).isEqualTo(m);
    }
  }

  @Test
  void shouldKeepTheBytesOfAnUnconditionalExpireSoOldLogsDecodeAlike() {
    // Written before conditions existed: version 1, type 14, "k1", deadline 99, time 7, CRC32C.
    byte[] old = HexFormat.of().parseHex("010e026b31c6010e45d34333");
    assertThat(LogEntryCodec.decode(old)).isEqualTo(new Mutation.Expire("k1", 99, 7));
    assertThat(LogEntryCodec.encode(new Mutation.Expire("k1", 99, 7,
        KvStore.ExpiryCondition.ALWAYS))).isEqualTo(old);
  }

  @Test
  void shouldRefuseAConditionalExpireWithoutAValidCondition() {
    for (int condition : new int[] {0, KvStore.ExpiryCondition.values().length, 255}) {
      BinaryOut out = new BinaryOut().writeByte(LogEntryCodec.VERSION).writeByte(17)
          .writeString("k").writeVarLong(99).writeVarLong(7).writeByte(condition);
      assertThatThrownBy(() -> LogEntryCodec.decode(Checksums.seal(out)))
          .as("condition %d", condition).hasMessageStartingWith(
              "log entry is corrupt: expiry condition " + condition + " is not in 1..5");
    }
    assertThatThrownBy(() -> new Mutation.Expire("k", KvStore.NO_EXPIRY, 7,
        KvStore.ExpiryCondition.IF_LATER)).hasMessageContaining("removing a deadline takes no condition");
  }
}
