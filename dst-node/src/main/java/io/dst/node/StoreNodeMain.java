package io.dst.node;

import io.dst.node.log.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one store node from a plain command line and runs until killed:
 * {@code --zk HOST:PORT --cluster NAME [--port P] [--data-dir D] [--node-id N] [--host H]
 * [--session-timeout-ms MS] [--fsync always|none|interval:MS] [--advertise HOST:PORT]
 * [--fast-failover] [--peer-address N=HOST:PORT]...} ({@code --peer-address} is repeatable: reach
 * node N at HOST:PORT instead of its registered address). Prints
 * {@code READY <nodeId> <host>:<port>} on standard output once it serves, for process harnesses.
 */
public final class StoreNodeMain {
  private StoreNodeMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    Map<Integer, String> peerAddresses = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        usage("unexpected argument " + a);
      }
      if (a.equals("--peer-address") && i + 1 < args.length) {
        String v = args[++i];
        int eq = v.indexOf('=');
        if (eq <= 0 || v.lastIndexOf(':') < eq) {
          usage("--peer-address needs N=HOST:PORT, got " + v);
        }
        peerAddresses.put(Integer.parseInt(v.substring(0, eq)), v.substring(eq + 1));
      } else if (a.equals("--fast-failover")) {
        opts.put(a, "true");
      } else if (i + 1 < args.length) {
        opts.put(a, args[++i]);
      } else {
        usage("missing value for " + a);
      }
    }
    if (!opts.containsKey("--zk") || !opts.containsKey("--cluster")) {
      usage("--zk and --cluster are required");
    }
    NodeConfig.Builder b = NodeConfig.builder(opts.get("--zk"), opts.get("--cluster"));
    if (opts.containsKey("--fast-failover")) {
      b.fastFailover();
    }
    b.host(opts.getOrDefault("--host", "127.0.0.1"))
        .port(Integer.parseInt(opts.getOrDefault("--port", "0")))
        .dataDir(Path.of(opts.getOrDefault("--data-dir", "data")))
        .nodeId(Integer.parseInt(opts.getOrDefault("--node-id", "-1")));
    if (opts.containsKey("--session-timeout-ms")) {
      b.sessionTimeout(Duration.ofMillis(Long.parseLong(opts.get("--session-timeout-ms"))));
    }
    if (opts.containsKey("--advertise")) {
      b.advertisedAddress(opts.get("--advertise"));
    }
    b.peerAddresses(peerAddresses);
    if (opts.containsKey("--fsync")) {
      b.fsync(FsyncPolicy.parse(opts.get("--fsync")));
    }
    StoreNode node = new StoreNode(b.build()).start();
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      done.countDown();
    }, "dst-node-shutdown"));
    System.out.println("READY " + node.nodeId() + " " + node.address().getHostString() + ":"
        + node.address().getPort());
    System.out.flush();
    done.await();
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: StoreNodeMain --zk HOST:PORT --cluster NAME [--port P] "
        + "[--data-dir D] [--node-id N] [--host H] [--session-timeout-ms MS] "
        + "[--fsync always|none|interval:MS] [--advertise HOST:PORT] [--fast-failover] "
        + "[--peer-address N=HOST:PORT]...");
    System.exit(2);
  }
}
