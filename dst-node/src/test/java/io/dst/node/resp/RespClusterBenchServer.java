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
 * {@code bench/redis-benchmark.sh --cluster}: {@code RespClusterBenchServer port-file}; node 1's
 * RESP port is written to port-file.
 */
public final class RespClusterBenchServer {
  private RespClusterBenchServer() {}

  public static void main(String[] args) throws Exception {
    LocalCluster cluster = new LocalCluster(3, "bench", null, n -> n.respPort(0)).start();
    int port = cluster.node(1).respAddress().getPort();
    Path tmp = Path.of(args[0] + ".tmp");
    Files.writeString(tmp, Integer.toString(port), StandardCharsets.UTF_8);
    Files.move(tmp, Path.of(args[0]), StandardCopyOption.ATOMIC_MOVE);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
    new CountDownLatch(1).await();
  }
}
