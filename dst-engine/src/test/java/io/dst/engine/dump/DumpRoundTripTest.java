package io.dst.engine.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.api.KvStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpRoundTripTest {
  @TempDir
  Path dir;

  private Path dump(EmbeddedStore store) throws Exception {
    Path file = dir.resolve("store.dump");
    try (OutputStream out = Files.newOutputStream(file)) {
      new DumpWriter(store, "test").write(out);
    }
    return file;
  }

  @Test
  void aLoadedDumpHoldsEverythingTheSourceHeld() throws Exception {
    EmbeddedStore source = new EmbeddedStore(4);
    StoreFixtures.fill(source, 5_000);
    Path file = dump(source);

    EmbeddedStore target = new EmbeddedStore();
    DumpSummary summary = new DumpLoader(target).load(file);

    assertThat(StoreFixtures.contents(target)).isEqualTo(StoreFixtures.contents(source));
    assertThat(summary.rowsPerTable()).containsExactly(Map.entry("all_types", 5_000L), Map.entry("empty", 0L),
        Map.entry("events", 3L));
    assertThat(summary.kvKeys()).isEqualTo(53);
    assertThat(target.table("all_types").orElseThrow().partitionCount()).isEqualTo(4);
    assertThat(target.table("all_types").orElseThrow().get(7L)).isPresent();
    assertThat(target.table("all_types").orElseThrow().lookup(1, "s\"é,\n7", null).hasNext()).isTrue();
  }

  @Test
  void keysKeepTheirExpiryDeadlinesThroughADumpAndLoad() throws Exception {
    EmbeddedStore source = new EmbeddedStore();
    long now = System.currentTimeMillis();
    source.kv().set("session", "s1", KvStore.SetCondition.ALWAYS, now + 3_600_000);
    source.kv().dictPut("cart", Map.of("item", "2"));
    source.kv().expireAt("cart", now + 7_200_000);
    source.kv().put("plain", "p");
    Path file = dump(source);

    EmbeddedStore target = new EmbeddedStore();
    new DumpLoader(target).load(file);

    assertThat(target.kv().get("session")).isEqualTo("s1");
    assertThat(target.kv().ttlMillis("session")).isBetween(3_500_000L, 3_600_000L);
    assertThat(target.kv().dictGetAll("cart")).containsExactly(Map.entry("item", "2"));
    assertThat(target.kv().ttlMillis("cart")).isBetween(7_100_000L, 7_200_000L);
    assertThat(target.kv().ttlMillis("plain")).isEqualTo(KvStore.TTL_NONE);
  }

  @Test
  void theHeaderSaysAnEmbeddedDumpIsOneSnapshot() throws Exception {
    EmbeddedStore source = new EmbeddedStore();
    StoreFixtures.fill(source, 10);
    DumpSummary summary = DumpReader.read(dump(source), new DumpVisitor() {});
    assertThat(summary.header().consistency()).isEqualTo(DumpWriter.CONSISTENCY_SNAPSHOT);
    assertThat(summary.header().tableCount()).isEqualTo(3);
    assertThat(summary.header().source()).isEqualTo("test");
    assertThat(summary.bytes()).isEqualTo(Files.size(dump(source)));
  }

  @Test
  void anEmptyStoreDumpsAndLoads() throws Exception {
    Path file = dump(new EmbeddedStore());
    EmbeddedStore target = new EmbeddedStore();
    DumpSummary summary = new DumpLoader(target).load(file);
    assertThat(summary.totalRows()).isZero();
    assertThat(target.tables()).isEmpty();
  }

  @Test
  void loadRefusesANonEmptyTargetUnlessForced() throws Exception {
    EmbeddedStore source = new EmbeddedStore();
    StoreFixtures.fill(source, 100);
    Path file = dump(source);
    EmbeddedStore target = new EmbeddedStore();
    target.kv().put("mine", "kept");
    target.kv().dictPut("dict_1", Map.of("stale", "x"));

    assertThatThrownBy(() -> new DumpLoader(target).load(file))
        .isInstanceOf(DstException.class)
        .hasMessageContaining("the target is not empty (0 tables, 2 kv keys)")
        .hasMessageContaining("--force");
    assertThat(target.tables()).isEmpty();

    StoreFixtures.fill(target, 7);   // the same tables with other rows
    new DumpLoader(target).replaceExisting(true).load(file);
    Map<String, Object> expected = StoreFixtures.contents(source);
    expected.put("kv mine", "kept");
    assertThat(StoreFixtures.contents(target)).isEqualTo(expected);
  }

  @Test
  void writesWaitUntilAnEmbeddedDumpHasFinished() throws Exception {
    EmbeddedStore source = new EmbeddedStore();
    StoreFixtures.fill(source, 10);
    AtomicBoolean writerDone = new AtomicBoolean();
    Path file = dir.resolve("paused.dump");
    try (OutputStream out = Files.newOutputStream(file)) {
      new DumpWriter(source, "test").onProgress(rows -> {
        Thread writer = new Thread(() -> {
          source.kv().put("late", "x");
          writerDone.set(true);
        });
        writer.start();
        org.awaitility.Awaitility.await().until(() -> writer.getState() == Thread.State.WAITING);
        assertThat(writerDone).as("a write during the dump waits").isFalse();
      }).write(out);
    }
    org.awaitility.Awaitility.await().untilTrue(writerDone);
    EmbeddedStore target = new EmbeddedStore();
    new DumpLoader(target).load(file);
    assertThat(target.kv().exists("late")).isFalse();
  }

  @Test
  void theSummaryDescribesWhatWasLoaded() throws Exception {
    EmbeddedStore source = new EmbeddedStore();
    StoreFixtures.fill(source, 10);
    Path file = dump(source);
    DumpSummary summary = new DumpLoader(new EmbeddedStore()).load(file);
    assertThat(summary.describe()).isEqualTo(String.format("3 tables, %,d rows, 53 kv keys, %.1f MB", 13,
        Files.size(file) / 1e6));
  }
}
