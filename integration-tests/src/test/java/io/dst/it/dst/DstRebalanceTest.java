package io.dst.it.dst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.it.history.History;
import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import io.dst.it.linearizability.CheckResult;
import io.dst.it.linearizability.LinearizabilityChecker;
import io.dst.it.set.SetCheckResult;
import io.dst.it.workload.Workload;
import io.dst.it.workload.WorkloadOptions;
import io.dst.node.admin.ClusterAdmin;
import io.dst.node.admin.ClusterStatus;
import io.dst.node.admin.StatusReport;
import io.dst.node.local.LocalCluster;
import io.dst.node.meta.PartitionMove;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partitions move while clients write: a fourth node joins a three-node cluster and the cluster is
 * rebalanced onto it, then node 2 is decommissioned and drained, all under concurrent str writes,
 * reads and table inserts. Afterwards every acknowledged insert must be in its table (set checker),
 * no row may come from nowhere, and every key's history must be linearizable.
 */
class DstRebalanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(DstRebalanceTest.class);
    private static final long SEED = 20261124L;
    private static final WorkloadOptions WORKLOAD =
            new WorkloadOptions(4, 10, DstClusterFaultTest.TABLES, 40, 40, 0, 20, 1_000_000, SEED);
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void shouldLoseNoAcknowledgedWriteAndStayLinearizableWhileTheClusterRebalancesAndDrains()
            throws Exception {
        History history = new History();
        try (LocalCluster cluster = new LocalCluster(3, "moves", dir.resolve("cluster"), b -> b).start();
             ClusterAdmin admin = ClusterAdmin.connect(cluster.zkConnect(), cluster.clusterName(),
                     Duration.ofSeconds(10))) {
            try (DstStoreClient setup = client(cluster, Duration.ofSeconds(10))) {
                DstClusterFaultTest.createTables(setup);
            }
            awaitSettled(admin);
            List<PartitionMove> rebalance;
            try (Workload workload = Workload.start(WORKLOAD, i -> client(cluster, Duration.ofSeconds(5)),
                    history)) {
                await().atMost(SETTLE).until(() -> history.operations().size() > 200);
                cluster.addNode();
                await().atMost(SETTLE).until(() -> admin.status().nodes().stream()
                        .anyMatch(n -> n.id() == 4 && n.live()));
                rebalance = admin.rebalance();
                awaitSettled(admin);
                int afterRebalance = history.operations().size();

                assertThat(admin.decommission(2)).isTrue();
                await().atMost(SETTLE).until(() -> node(admin.status(), 2).removable()
                        && admin.status().moving().isEmpty());
                await().atMost(SETTLE).until(() -> history.operations().size() > afterRebalance + 200);
                workload.stop(Duration.ofSeconds(30));
            }
            ClusterStatus status = admin.status();
            LOG.info("after the rebalance ({} moves) and the drain of node 2:\n{}", rebalance.size(),
                    StatusReport.format(status));
            assertThat(rebalance).isNotEmpty();
            assertThat(node(status, 4).replicas()).isPositive();
            assertThat(node(status, 2).replicas()).isZero();

            List<SetCheckResult> tables;
            try (DstStoreClient reader = client(cluster, Duration.ofSeconds(5))) {
                DstClusterFaultTest.readEveryKeyOnceHealthy(reader, history);
                tables = DstClusterFaultTest.checkEveryTable(reader, history.operations());
            }
            List<Operation> ops = history.operations();
            CheckResult registers = new LinearizabilityChecker().check(ops);
            long ackedWrites = ops.stream().filter(o -> o.kind() == OpKind.WRITE && o.isOk()).count();
            long failedWrites = ops.stream()
                    .filter(o -> o.kind() != OpKind.READ && !o.isOk()).count();
            LOG.info("moves under load: {} operations, {} acknowledged str writes, {} writes/inserts not "
                    + "acknowledged, {} acknowledged inserts", ops.size(), ackedWrites, failedWrites,
                    tables.stream().mapToInt(SetCheckResult::acknowledged).sum());

            assertThat(ackedWrites).isGreaterThan(100);
            assertThat(tables).allSatisfy(t -> assertThat(t.isValid()).as(t::describe).isTrue());
            assertThat(tables.stream().mapToInt(SetCheckResult::acknowledged).sum()).isPositive();
            assertThat(registers.violations()).as(() -> registers.describe(history.notes())).isEmpty();
        }
    }

    private static DstStoreClient client(LocalCluster cluster, Duration timeout) {
        return new DstStoreClient(cluster.zkConnect(), cluster.clusterName(), timeout);
    }

    private static ClusterStatus.Node node(ClusterStatus s, int id) {
        return s.nodes().stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    private static void awaitSettled(ClusterAdmin admin) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> {
            ClusterStatus s = admin.status();
            return s.moving().isEmpty() && s.partitions().stream().allMatch(p -> p.state().hasPrimary()
                    && p.state().isr().containsAll(p.state().replicas().stream()
                            .filter(n -> s.nodes().stream().anyMatch(x -> x.id() == n && x.live())).toList()));
        });
    }
}
