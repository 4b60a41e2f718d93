package io.dst.bench.node;

import io.dst.engine.PartitionId;
import io.dst.engine.log.Mutation;
import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import io.dst.node.metrics.NodeMetrics;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Response;
import io.dst.node.transport.RequestHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What metrics cost on the write path, two ways, with metrics off and on interleaved per round:
 * (1) nanoseconds the request timer adds around a handler that answers at once (the pure
 * instrumentation cost per request, one thread), and (2) replicated RF 3 inserts per second from
 * 50 clients against a fresh 3-node {@link LocalCluster} without and with metrics ports (as
 * {@link ReplicatedWriteBenchmark}), after one discarded pair of runs that warms up the JIT.
 * Arguments: {@code [rounds=3] [seconds=8] [warmupSeconds=3]}.
 * Run from the repository root with {@code mvn -B -q -pl dst-node test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.dst.bench.node.MetricsOverheadBenchmark}.
 */
public final class MetricsOverheadBenchmark {
  private static final int CALLS = 2_000_000;

  private MetricsOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    micro(rounds);
    // One discarded pair first: the first cluster of a JVM runs on cold, unJITted code.
    writes(false, 0, seconds / 2, warmup);
    writes(true, 0, seconds / 2, warmup);
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      // Alternate which mode goes first so a load change on the shared machine hits both.
      boolean onFirst = round % 2 == 0;
      double first = writes(onFirst, round, seconds, warmup);
      double second = writes(!onFirst, round, seconds, warmup);
      double on = onFirst ? first : second;
      double off = onFirst ? second : first;
      ratios.add(on / off);
      System.out.printf("round %d: metrics off %.0f writes/s, on %.0f writes/s, on/off %.3f%n",
          round, off, on, on / off);
    }
    System.out.printf("RESULT write throughput with metrics / without: %.3f .. %.3f over %d rounds%n",
        ratios.stream().mapToDouble(d -> d).min().orElse(0),
        ratios.stream().mapToDouble(d -> d).max().orElse(0), rounds);
    System.exit(0);
  }

  private static void micro(int rounds) {
    CompletableFuture<Response> answer = CompletableFuture.completedFuture(new Response.Ok(1, null));
    RequestHandler bare = request -> answer;
    try (NodeMetrics metrics = new NodeMetrics(1)) {
      RequestHandler timed = metrics.instrument(bare);
      DataRequest.Write write = new DataRequest.Write(1, new PartitionId("t", 0), 1,
          new Mutation.Insert("t", 0, List.<Object[]>of(new Object[] {1L})), new byte[0]);
      for (int round = 1; round <= rounds + 1; round++) {
        double off = nanosPerCall(bare, write);
        double on = nanosPerCall(timed, write);
        if (round > 1) { // the first round warms up the JIT
          System.out.printf("micro round %d: handler %.1f ns/request bare, %.1f ns timed: +%.1f ns%n",
              round - 1, off, on, on - off);
        }
      }
    }
  }

  private static double nanosPerCall(RequestHandler handler, Message.Request request) {
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      sink += handler.handle(request).getNow(null) == null ? 0 : 1;
    }
    long elapsed = System.nanoTime() - start;
    if (sink != CALLS) {
      throw new IllegalStateException("lost answers");
    }
    return (double) elapsed / CALLS;
  }

  private static double writes(boolean metrics, int round, int seconds, int warmup)
      throws Exception {
    try (LocalCluster cluster = new LocalCluster(3, "overhead", null,
        b -> b.metricsPort(metrics ? 0 : -1)).start();
         ClusterDataStore store = ClusterDataStore.connect(cluster.zkConnect(),
             cluster.clusterName(), Duration.ofSeconds(30))) {
      return ReplicatedWriteBenchmark.run(store, "overhead_" + round, 3, 2, 50, seconds, warmup);
    }
  }
}
