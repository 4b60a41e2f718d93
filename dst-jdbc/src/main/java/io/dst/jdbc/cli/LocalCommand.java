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

  @Override
  public Integer call() {
    if (nodes < 1) {
      cli.err.println("Error: --nodes must be at least 1, got " + nodes);
      return ShellCommand.CANNOT_CONNECT;
    }
    try (LocalCluster cluster = new LocalCluster(nodes, "local", dataDir,
        NodeConfig.Builder::standardTimeouts)) {
      cluster.start();
      String url = "jdbc:dst://" + cluster.zkConnect() + "/" + cluster.clusterName();
      if (cli.atTerminal()) {
        cli.out.println("Dst local cluster: " + nodes + " node(s), ZooKeeper at " + cluster.zkConnect()
            + "; JDBC URL " + url + "; logs in " + DstCli.LOCAL_LOG_FILE);
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
