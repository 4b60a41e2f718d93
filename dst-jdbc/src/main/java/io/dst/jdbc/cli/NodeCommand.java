package io.dst.jdbc.cli;

import io.dst.node.NodeConfig;
import io.dst.node.StoreNode;
import io.dst.node.log.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dst node --zk HOST:PORT --cluster NAME --port P --data-dir D}: runs one store node until the
 * process is stopped. The node registers in ZooKeeper and serves the partitions the controller
 * assigns it; a restart with the same data dir recovers its log and rejoins.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run a store node that joins a cluster through ZooKeeper.")
final class NodeCommand implements Callable<Integer> {
  @ParentCommand
  DstCli cli;

  @Option(names = "--zk", required = true, paramLabel = "HOST:PORT[,HOST:PORT]",
      description = "ZooKeeper connect string.")
  String zk;

  @Option(names = "--cluster", required = true, description = "Cluster name.")
  String cluster;

  @Option(names = "--port", defaultValue = "0", description = "Port to serve on (0: any free port).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind.")
  String host;

  @Option(names = "--data-dir", defaultValue = "data", description = "Where the log and snapshots live.")
  Path dataDir;

  @Option(names = "--node-id", defaultValue = "-1",
      description = "Node id (default: allocated by ZooKeeper and kept in the data dir).")
  int nodeId;

  @Option(names = "--fsync", defaultValue = "interval:50",
      description = "Log fsync policy: always, none or interval:MS (default: ${DEFAULT-VALUE}).")
  String fsync;

  @Option(names = "--session-timeout-ms", description = "ZooKeeper session timeout.")
  Long sessionTimeoutMs;

  @Option(names = "--advertise", paramLabel = "HOST:PORT",
      description = "Address published for clients and peers (e.g. a proxy in front of the node).")
  String advertise;

  @Option(names = "--peer-address", paramLabel = "N=HOST:PORT",
      description = "Reach peer node N at this address instead of its registered one (repeatable).")
  java.util.List<String> peerAddressOptions = new java.util.ArrayList<>();

  @Option(names = "--redis-port", defaultValue = "-1",
      description = "Open a Redis (RESP) port for the str and dict data (-1: none, 0: any free port).")
  int redisPort;

  @Option(names = "--redis-password", description = "Password Redis clients must AUTH with.")
  String redisPassword;

  @Option(names = "--metrics-port", defaultValue = "-1", paramLabel = "PORT",
      description = "Serve Prometheus metrics at http://HOST:PORT/metrics (-1: none, 0: any free port).")
  int metricsPort;

  @Option(names = "--auto-rebalance-after-s", defaultValue = "30", paramLabel = "SECONDS",
      description = "Rebalance onto a joined node once it has held no partition this long "
          + "(0: only on 'bin/dst admin rebalance'; default: ${DEFAULT-VALUE}).")
  long autoRebalanceAfterSeconds;

  @Option(names = "--io-threads", defaultValue = "" + NodeConfig.DEFAULT_IO_THREADS,
      paramLabel = "N", description = "Event-loop threads for connections, replication and the "
          + "Redis port (default: ${DEFAULT-VALUE}).")
  int ioThreads;

  @Override
  public Integer call() throws InterruptedException {
    java.util.Map<Integer, String> peers = new java.util.HashMap<>();
    try {
      peerAddressOptions.forEach(value -> NodeConfig.parsePeerAddress(value, peers));
    } catch (IllegalArgumentException e) {
      cli.err.println("Error: " + e.getMessage());
      return 2;
    }
    NodeConfig.Builder config = NodeConfig.builder(zk, cluster)
        .host(host).port(port).dataDir(dataDir).nodeId(nodeId).fsync(FsyncPolicy.parse(fsync))
        .respPort(redisPort).respPassword(redisPassword).peerAddresses(peers)
        .metricsPort(metricsPort).autoRebalanceAfter(Duration.ofSeconds(autoRebalanceAfterSeconds))
        .ioThreads(ioThreads);
    if (sessionTimeoutMs != null) {
      config.sessionTimeout(Duration.ofMillis(sessionTimeoutMs));
    }
    if (advertise != null) {
      config.advertisedAddress(advertise);
    }
    StoreNode.runUntilShutdown(config.build(), node -> cli.out.println("node " + node.nodeId()
        + " serving cluster " + cluster + " on " + node.address().getHostString() + ":"
        + node.address().getPort()
        + (node.respAddress() == null ? "" : ", Redis protocol on port " + node.respAddress().getPort())
        + (node.metricsAddress() == null ? ""
            : ", metrics on http://" + host + ":" + node.metricsAddress().getPort() + "/metrics")
        + " (Ctrl-C stops it)"));
    return 0;
  }
}
