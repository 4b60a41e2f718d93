package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Readers racing one writer must only ever see whole mutations. */
class ConcurrencyTest {
  private static final int READERS = 4;

  private static TableData accounts(EmbeddedStore store) {
    store.createTable(new TableSchema("acct", List.of(
        new Column("id", ColumnType.of(ScalarType.INT), true, false, false),
        new Column("grp", ColumnType.of(ScalarType.INT), false, true, true),
        Column.of("a", ColumnType.of(ScalarType.LONG)),
        Column.of("b", ColumnType.of(ScalarType.LONG)))), 1, false);
    return store.table("acct").orElseThrow();
  }

  @Test
  void shouldShowEveryMultiRowInsertWhollyOrNotAtAll() throws Exception {
    EmbeddedStore store = new EmbeddedStore();
    TableData t = accounts(store);
    int batches = 150;
    int batchSize = 37;
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    CountDownLatch readersStarted = new CountDownLatch(READERS);
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    try {
      List<Future<String>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        int reader = r;
        readers.add(pool.submit(() -> {
          readersStarted.countDown();
          while (!done.get()) {
            // Each batch has its own grp; every grp seen must be complete.
            List<Object[]> groups = t.aggregate(0, new AggregateSpec(null, new int[] {1},
                List.of(AggregateCall.countStar())));
            for (Object[] g : groups) {
              if ((Long) g[1] != batchSize) {
                return "reader " + reader + " saw group " + g[0] + " with " + g[1] + " rows";
              }
            }
            if (reader % 2 == 0) {
              long rows = t.scan(0, ScanSpec.all()).hasNext() ? t.rowCount() : 0;
              if (rows % batchSize != 0) {
                return "reader " + reader + " saw " + rows + " rows";
              }
            }
            reads.incrementAndGet();
          }
          return null;
        }));
      }
      assertThat(readersStarted.await(10, TimeUnit.SECONDS)).isTrue();
      for (int b = 0; b < batches; b++) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
          rows.add(new Object[] {b * batchSize + i, b, 1L, 1L});
        }
        t.insert(rows);
      }
      done.set(true);
      for (Future<String> f : readers) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isNull();
      }
      assertThat(t.rowCount()).isEqualTo((long) batches * batchSize);
      assertThat(reads.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldKeepTotalConstantWhileAWriterMovesAmountsBetweenColumns() throws Exception {
    EmbeddedStore store = new EmbeddedStore();
    TableData t = accounts(store);
    int rows = 2000;
    List<Object[]> init = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      init.add(new Object[] {i, i % 10, 100L, 0L});
    }
    t.insert(init);
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch readersStarted = new CountDownLatch(READERS);
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    AggregateSpec sums = new AggregateSpec(null, null, List.of(
        new AggregateCall(AggregateFunction.SUM, 2), new AggregateCall(AggregateFunction.SUM, 3),
        new AggregateCall(AggregateFunction.MIN, 2), new AggregateCall(AggregateFunction.MAX, 2)));
    try {
      List<Future<String>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(pool.submit(() -> {
          readersStarted.countDown();
          while (!done.get()) {
            Object[] s = t.aggregate(0, sums).get(0);
            long total = (Long) s[0] + (Long) s[1];
            // Each update sets a and b of every row at once, so all rows agree on a.
            if (total != rows * 100L || !s[2].equals(s[3])) {
              return "saw a half-applied update: " + java.util.Arrays.toString(s);
            }
            List<Object[]> some = EmbeddedTableTest.drain(
                t.scan(0, ScanSpec.filtered(new Predicate.Compare(1, CompareOp.EQ, 3))));
            for (Object[] row : some) {
              if ((Long) row[2] + (Long) row[3] != 100L) {
                return "row " + row[0] + " has a + b = " + ((Long) row[2] + (Long) row[3]);
              }
            }
          }
          return null;
        }));
      }
      assertThat(readersStarted.await(10, TimeUnit.SECONDS)).isTrue();
      for (int step = 1; step <= 400; step++) {
        long a = 100 - (step % 101);
        t.update(Predicate.alwaysTrue(), Map.of(2, a, 3, 100 - a));
      }
      done.set(true);
      for (Future<String> f : readers) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isNull();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
