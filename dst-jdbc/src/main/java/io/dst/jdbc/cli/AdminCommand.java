package io.dst.jdbc.cli;

import io.dst.engine.DstException;
import io.dst.node.admin.ClusterAdmin;
import io.dst.node.admin.ClusterStatus;
import io.dst.node.admin.StatusReport;
import io.dst.node.meta.PartitionMove;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dst admin --zk HOST:PORT --cluster NAME status|rebalance|decommission NODE}: shows and
 * drives partition placement through ZooKeeper ({@link ClusterAdmin}); the cluster's controller
 * executes the moves.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Show a cluster's nodes and partitions, rebalance it, decommission a node.",
    subcommands = {AdminCommand.Status.class, AdminCommand.Rebalance.class,
        AdminCommand.Decommission.class})
final class AdminCommand implements Runnable {
  @ParentCommand
  DstCli cli;

  @Option(names = "--zk", required = true, paramLabel = "HOST:PORT[,HOST:PORT]",
      description = "ZooKeeper connect string.")
  String zk;

  @Option(names = "--cluster", required = true, description = "Cluster name.")
  String cluster;

  @Option(names = "--timeout-ms", defaultValue = "10000",
      description = "How long to wait for ZooKeeper (default ${DEFAULT-VALUE}).")
  long timeoutMs;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(cli.out);
  }

  private interface AdminAction {
    int run(ClusterAdmin admin) throws InterruptedException;
  }

  int withAdmin(AdminAction action) {
    try (ClusterAdmin admin = ClusterAdmin.connect(zk, cluster, Duration.ofMillis(timeoutMs))) {
      return action.run(admin);
    } catch (DstException e) {
      cli.err.println("Error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** Polls until {@code done} holds, printing the number of moves left when it changes. */
  int await(ClusterAdmin admin, Predicate<ClusterStatus> done, long waitSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
    int lastLeft = -1;
    while (true) {
      ClusterStatus s = admin.status();
      if (done.test(s)) {
        cli.out.println("done");
        return 0;
      }
      int left = s.moving().size();
      if (left != lastLeft) {
        cli.out.println(left + " move(s) left");
        lastLeft = left;
      }
      if (System.nanoTime() > deadline) {
        cli.err.println("Error: not finished within " + waitSeconds + " s; see dst admin status");
        return 1;
      }
      Thread.sleep(200);
    }
  }

  /** {@code dst admin ... status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Print nodes (live/draining), replicas and primaries per node, and every "
          + "partition's primary, replicas, in-sync set and move.")
  static final class Status implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Override
    public Integer call() {
      return admin.withAdmin(a -> {
        admin.cli.out.print(StatusReport.format(a.status()));
        return 0;
      });
    }
  }

  /** {@code dst admin ... rebalance [--wait SECONDS]}. */
  @Command(name = "rebalance", mixinStandardHelpOptions = true,
      description = "Plan moves that spread replicas and primaries evenly over the live, "
          + "non-draining nodes; the controller executes them a few at a time.")
  static final class Rebalance implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
        description = "Wait up to SECONDS for the moves to finish (0: return at once).")
    long waitSeconds;

    @Override
    public Integer call() {
      return admin.withAdmin(a -> {
        List<PartitionMove> moves = a.rebalance();
        if (moves.isEmpty()) {
          admin.cli.out.println("balanced: no moves needed");
          return 0;
        }
        admin.cli.out.println("requested " + moves.size() + " move(s):");
        moves.forEach(m -> admin.cli.out.println("  " + m));
        return waitSeconds > 0 ? admin.await(a, s -> s.moving().isEmpty(), waitSeconds) : 0;
      });
    }
  }

  /** {@code dst admin ... decommission NODE [--wait SECONDS]}. */
  @Command(name = "decommission", mixinStandardHelpOptions = true,
      description = "Mark NODE as draining: the controller moves all its replicas to other nodes; "
          + "status then shows it as removable.")
  static final class Decommission implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Parameters(paramLabel = "NODE", description = "Node id to decommission.")
    int node;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
        description = "Wait up to SECONDS until the node holds no partitions (0: return at once).")
    long waitSeconds;

    @Override
    public Integer call() {
      return admin.withAdmin(a -> {
        boolean marked = a.decommission(node);
        admin.cli.out.println("node " + node + (marked ? " is now draining" : " was already draining")
            + "; its replicas move to other nodes");
        return waitSeconds > 0 ? admin.await(a, s -> s.nodes().stream()
            .anyMatch(n -> n.id() == node && n.removable()), waitSeconds) : 0;
      });
    }
  }
}
