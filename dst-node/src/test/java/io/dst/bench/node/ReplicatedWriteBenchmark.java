package io.dst.bench.node;

import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Replicated single-row writes per second from 50 concurrent clients over loopback, against a
 * 3-node {@link LocalCluster}, once with replication factor 1 and once with 3 (min in-sync 2).
 * Every client thread inserts one row per call and waits for its acknowledgement. Arguments:
 * {@code [clients=50] [seconds=10] [warmupSeconds=3]}. Run from the repository root with
 * {@code mvn -B -q -pl dst-node test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.dst.bench.node.ReplicatedWriteBenchmark}.
 */
public final class ReplicatedWriteBenchmark {
  private ReplicatedWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (LocalCluster cluster = new LocalCluster(3, "bench", null, b -> b).start();
         ClusterDataStore store = ClusterDataStore.connect(cluster.zkConnect(),
             cluster.clusterName(), Duration.ofSeconds(30))) {
      double rf1 = run(store, "bench_rf1", 1, 1, clients, seconds, warmup);
      double rf3 = run(store, "bench_rf3", 3, 2, clients, seconds, warmup);
      System.out.printf("RESULT clients=%d seconds=%d rf1=%.0f writes/s rf3=%.0f writes/s%n",
          clients, seconds, rf1, rf3);
    }
    System.exit(0);
  }

  static double run(ClusterDataStore store, String table, int rf, int minIsr,
      int clients, int seconds, int warmup) throws Exception {
    TableSchema schema = new TableSchema(table, List.of(
        new Column("id", ColumnType.of(ScalarType.LONG), true, false, false),
        new Column("payload", ColumnType.of(ScalarType.STRING), false, false, true),
        new Column("n", ColumnType.of(ScalarType.INT), false, false, true)));
    store.createTable(schema, 8, rf, minIsr, false);
    TableData t = store.table(table).orElseThrow();
    AtomicLong keys = new AtomicLong();
    LongAdder done = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread th = new Thread(() -> {
        try {
          while (!stop.get()) {
            long k = keys.getAndIncrement();
            try {
              t.insert(List.<Object[]>of(new Object[] {k, "payload-" + k, (int) k}));
              done.increment();
            } catch (RuntimeException e) {
              failed.increment();
            }
          }
        } finally {
          finished.countDown();
        }
      }, "bench-client-" + c);
      th.start();
      threads.add(th);
    }
    Thread.sleep(warmup * 1000L);
    long startCount = done.sum();
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long count = done.sum() - startCount;
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    finished.await();
    double rate = count / elapsed;
    System.out.printf("replication factor %d (min in-sync %d): %d writes in %.1f s = %.0f writes/s"
        + " (%d failed)%n", rf, minIsr, count, elapsed, rate, failed.sum());
    return rate;
  }
}
