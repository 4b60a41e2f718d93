package io.dst.jdbc.cli;

import io.dst.node.NodeConfig;
import io.dst.node.local.LocalCluster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dst local [--nodes 3]}: the embedded default. Starts an in-process ZooKeeper and N store
 * nodes on loopback in this JVM, then the shell connected to them through the cluster URL; leaving the
 * shell stops the cluster. With {@code -f} it runs a script against the cluster instead.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Start a local cluster (in-process ZooKeeper + N nodes) and open the shell on it.")
final class LocalCommand implements Callable<Integer> {
  @ParentCommand
  DstCli cli;

  @Option(names = "--nodes", defaultValue = "3", description = "Number of store nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep ZooKeeper and node data here (default: a temporary directory, deleted on exit).")
  Path dataDir;

  @Option(names = {"-f", "--file"}, paramLabel = "SCRIPT", description = "Run this script and exit.")
  Path script;

  @Option(names = "--redis-port", defaultValue = "-1", paramLabel = "PORT",
      description = "Open Redis (RESP) ports: node i listens on PORT+i-1 (0: free ports; default: none).")
  int redisPort;

  @Option(names = "--metrics-port", defaultValue = "-1", paramLabel = "PORT",
      description = "Serve Prometheus metrics over HTTP: node i on PORT+i-1 (0: free ports; default: none).")
  int metricsPort;

  /** Production timeouts (a shell user's machine pauses) and, if asked, Redis and metrics ports. */
  private NodeConfig.Builder configureNode(NodeConfig.Builder node) {
    node.standardTimeouts();
    if (redisPort > 0) {
      node.respPort(redisPort + node.build().nodeId() - 1);
    } else if (redisPort == 0) {
      node.respPort(0);
    }
    if (metricsPort > 0) {
      node.metricsPort(metricsPort + node.build().nodeId() - 1);
    } else if (metricsPort == 0) {
      node.metricsPort(0);
    }
    return node;
  }

  @Override
  public Integer call() {
    if (nodes < 1) {
      cli.err.println("Error: --nodes must be at least 1, got " + nodes);
      return ShellCommand.CANNOT_CONNECT;
    }
    try (LocalCluster cluster = new LocalCluster(nodes, "local", dataDir,
        this::configureNode)) {
      cluster.start();
      String url = "jdbc:dst://" + cluster.zkConnect() + "/" + cluster.clusterName();
      if (cli.atTerminal()) {
        cli.out.println("Dst local cluster: " + nodes + " node(s), ZooKeeper at " + cluster.zkConnect()
            + "; JDBC URL " + url + "; logs in " + DstCli.LOCAL_LOG_FILE);
      }
      if (redisPort >= 0) {
        StringBuilder ports = new StringBuilder();
        for (var node : cluster.nodes()) {
          ports.append(ports.length() == 0 ? "" : ", ").append(node.respAddress().getPort());
        }
        cli.err.println("Redis protocol on 127.0.0.1 port(s) " + ports);
      }
      if (metricsPort >= 0) {
        StringBuilder urls = new StringBuilder();
        for (var node : cluster.nodes()) {
          urls.append(urls.length() == 0 ? "" : ", ").append("http://127.0.0.1:")
              .append(node.metricsAddress().getPort()).append("/metrics");
        }
        cli.err.println("Prometheus metrics at " + urls);
      }
      ShellCommand shell = new ShellCommand();
      shell.cli = cli;
      shell.url = url;
      shell.script = script;
      return shell.call();
    } catch (java.io.IOException e) {
      cli.err.println("Error: " + e.getMessage());
      return ShellCommand.STATEMENT_FAILED;
    }
  }
}
