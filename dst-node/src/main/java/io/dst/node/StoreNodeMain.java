package io.dst.node;

import io.dst.node.log.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts one store node from a plain command line and runs until killed:
 * {@code --zk HOST:PORT --cluster NAME [--port P] [--data-dir D] [--node-id N] [--host H]
 * [--session-timeout-ms MS] [--fsync always|none|interval:MS] [--advertise HOST:PORT]
 * [--fast-failover] [--peer-address N=HOST:PORT]... [--metrics-port P]} ({@code --peer-address} is
 * repeatable: reach node N at HOST:PORT instead of its registered address; {@code --metrics-port}
 * serves Prometheus metrics at http://HOST:P/metrics, 0 for a free port). Prints
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
        try {
          NodeConfig.parsePeerAddress(args[++i], peerAddresses);
        } catch (IllegalArgumentException e) {
          usage(e.getMessage());
        }
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
    if (opts.containsKey("--metrics-port")) {
      b.metricsPort(Integer.parseInt(opts.get("--metrics-port")));
    }
    if (opts.containsKey("--fsync")) {
      b.fsync(FsyncPolicy.parse(opts.get("--fsync")));
    }
    if (opts.containsKey("--io-threads")) {
      b.ioThreads(Integer.parseInt(opts.get("--io-threads")));
    }
    StoreNode.runUntilShutdown(b.build(), node -> {
      System.out.println("READY " + node.nodeId() + " " + node.address().getHostString() + ":"
          + node.address().getPort());
      System.out.flush();
    });
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: StoreNodeMain --zk HOST:PORT --cluster NAME [--port P] "
        + "[--data-dir D] [--node-id N] [--host H] [--session-timeout-ms MS] "
        + "[--fsync always|none|interval:MS] [--advertise HOST:PORT] [--fast-failover] "
        + "[--peer-address N=HOST:PORT]... [--metrics-port P] [--io-threads N]");
    System.exit(2);
  }
}
