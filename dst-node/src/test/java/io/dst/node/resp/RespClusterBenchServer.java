package io.dst.node.resp;

import io.dst.node.local.LocalCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a 3-node {@link LocalCluster} (kv replication factor 3, min in-sync 2, so a write waits for
 * all three while they are in sync) with a Redis port on each node, for
 * {@code bench/redis-benchmark.sh --cluster}: {@code RespClusterBenchServer port-file
 * [io-threads-per-node]}; node 1's RESP port is written to port-file.
 */
public final class RespClusterBenchServer {
  private RespClusterBenchServer() {}

  public static void main(String[] args) throws Exception {
    // An optional second argument sets each node's event loops (default: LocalCluster's split).
    Integer ioThreads = args.length > 1 ? Integer.valueOf(args[1]) : null;
    LocalCluster cluster = new LocalCluster(3, "bench", null,
        n -> ioThreads == null ? n.respPort(0) : n.respPort(0).ioThreads(ioThreads)).start();
    int port = cluster.node(1).respAddress().getPort();
    Path tmp = Path.of(args[0] + ".tmp");
    Files.writeString(tmp, Integer.toString(port), StandardCharsets.UTF_8);
    Files.move(tmp, Path.of(args[0]), StandardCopyOption.ATOMIC_MOVE);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
    new CountDownLatch(1).await();
  }
}
