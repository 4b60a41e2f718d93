package io.dst.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.node.local.LocalCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dst admin} against a real three-node cluster (then four), in-process. */
class AdminCommandTest {
  @TempDir
  static Path tmp;
  private static LocalCluster cluster;

  @BeforeAll
  static void start() {
    cluster = new LocalCluster(3, "admin", tmp.resolve("c"), b -> b).start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] full = new String[args.length + 5];
    full[0] = "admin";
    full[1] = "--zk";
    full[2] = cluster.zkConnect();
    full[3] = "--cluster";
    full[4] = "admin";
    System.arraycopy(args, 0, full, 5, args.length);
    int status = DstCli.run(full, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void statusListsNodesAndPartitionsAndRebalanceThenDecommissionMoveThem() {
    Result status = run("status");
    assertThat(status.status()).isZero();
    assertThat(status.out()).contains("NODE", "STATE", "live", "PARTITION", "$kv/15",
        "no moves in progress");

    cluster.addNode();
    await().atMost(Duration.ofSeconds(10)).until(() -> run("status").out().contains("\n4 "));
    Result rebalance = run("rebalance", "--wait", "60");
    assertThat(rebalance.status()).as(rebalance.err()).isZero();
    assertThat(rebalance.out()).contains("requested", "to node 4", "done");

    Result decommission = run("decommission", "4", "--wait", "60");
    assertThat(decommission.status()).as(decommission.err()).isZero();
    assertThat(decommission.out()).contains("node 4 is now draining", "done");
    assertThat(run("status").out()).contains("removable");
  }

  @Test
  void unknownNodesAndClustersAreClearErrors() {
    Result r = run("decommission", "42");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("node 42 is not part of cluster admin");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int s = DstCli.run(new String[] {"admin", "--zk", cluster.zkConnect(), "--cluster", "nope",
        "status"}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(s).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no cluster named 'nope'");
  }
}
