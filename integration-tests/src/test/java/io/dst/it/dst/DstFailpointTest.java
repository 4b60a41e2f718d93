package io.dst.it.dst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.it.history.History;
import io.dst.it.history.Operation;
import io.dst.it.linearizability.CheckResult;
import io.dst.it.linearizability.LinearizabilityChecker;
import io.dst.it.nemesis.AppliedFault;
import io.dst.it.nemesis.Fault;
import io.dst.it.nemesis.NemesisReport;
import io.dst.it.process.JvmProcess;
import io.dst.it.set.SetCheckResult;
import io.dst.it.workload.FaultRunSummary;
import io.dst.it.workload.Workload;
import io.dst.it.workload.WorkloadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real Dst nodes with failpoints switched on in their JVMs while the workload runs: n1 crashes
 * (halt 137) right after a primary's log append, before replicating; n2 crashes as a follower after
 * appending, before acknowledging; n3 pauses before and after every in-sync-set CAS and before a
 * controller promotion. A supervisor restarts each crashed node without its failpoints. Then no
 * acknowledged write may be lost and every key must stay linearizable.
 */
class DstFailpointTest {

    private static final Logger LOG = LoggerFactory.getLogger(DstFailpointTest.class);
    private static final long SEED = 20261124L;
    private static final Map<String, String> FAILPOINTS = Map.of(
            "n1", "log.after-append=once:crash",
            "n2", "replica.after-ack=once:crash",
            "n3", "isr.before-cas=pause:150,isr.after-cas=pause:50,controller.before-promote=pause:200");
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(3);
    /** Acknowledged operations wanted after both crashed nodes are back, so recovery is exercised. */
    private static final int OK_AFTER_RECOVERY = 300;

    /** Kept when the test fails: the nodes' logs ({@code nX.log}) are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void shouldLoseNoAcknowledgedWriteWhenNodesCrashAtFailpointsMidReplication() throws Exception {
        WorkloadOptions w = DstClusterFaultTest.WORKLOAD;
        WorkloadOptions options = new WorkloadOptions(w.clients(), w.keys(), w.tables(), w.readPercent(),
                w.writePercent(), w.casPercent(), w.insertPercent(), w.maxOpsPerClient(), SEED);
        History history = new History();
        List<AppliedFault> crashes = new CopyOnWriteArrayList<>();
        long startNanos = System.nanoTime();
        ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor();
        try (DstNodeCluster cluster = DstNodeCluster.start(dir, "failpoints" + SEED, 3,
                new DstNodeCluster.Options(false, false, FAILPOINTS))) {
            supervisor.scheduleWithFixedDelay(() -> restartCrashed(cluster, crashes, history, startNanos),
                    100, 100, TimeUnit.MILLISECONDS);
            try (DstStoreClient admin = new DstStoreClient(cluster, Duration.ofSeconds(10))) {
                DstClusterFaultTest.createTables(admin);
            }
            try (Workload workload = Workload.start(options, i -> new DstStoreClient(cluster, CLIENT_TIMEOUT), history)) {
                await().atMost(Duration.ofSeconds(40)).until(() -> crashes.size() >= 2);
                long okAtRecovery = acknowledged(history);
                // A liveness bound, not a safety check: generous so a loaded machine does not fail the run.
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(history) >= okAtRecovery + OK_AFTER_RECOVERY);
            }
            supervisor.shutdownNow();
            List<SetCheckResult> tables;
            try (DstStoreClient reader = new DstStoreClient(cluster, Duration.ofSeconds(5))) {
                DstClusterFaultTest.readEveryKeyOnceHealthy(reader, history);
                tables = DstClusterFaultTest.checkEveryTable(reader, history.operations());
            }
            List<Operation> ops = history.operations();
            CheckResult registers = new LinearizabilityChecker().check(ops);
            NemesisReport report = new NemesisReport(SEED, crashes);
            FaultRunSummary summary = FaultRunSummary.of(ops, report, registers, tables);
            Map<String, Long> hits = failpointHits();
            LOG.info("dst failpoint run: {}; crashes {}; failpoint hits in node logs {}", summary.describe(),
                    crashes.stream().map(a -> a.fault().target()).toList(), hits);

            assertThat(crashes).extracting(a -> a.fault().target()).containsExactlyInAnyOrder("n1", "n2");
            assertThat(hits.get("isr.before-cas")).as("pauses before in-sync CAS").isPositive();
            assertThat(summary.acknowledged()).isGreaterThan(OK_AFTER_RECOVERY);
            assertThat(tables).allSatisfy(t -> assertThat(t.isValid()).as(t::describe).isTrue());
            assertThat(registers.violations()).as(() -> registers.describe(history.notes())).isEmpty();
            assertThat(summary.passed()).as(summary::describe).isTrue();
        } finally {
            supervisor.shutdownNow();
        }
    }

    /** The supervisor's round: a node that exited is counted as a crash (exit 137) and restarted without failpoints. */
    private static void restartCrashed(DstNodeCluster cluster, List<AppliedFault> crashes, History history,
            long startNanos) {
        for (String node : cluster.nodes()) {
            JvmProcess p = cluster.processes().process(node);
            if (p.isAlive()) {
                continue;
            }
            Duration at = Duration.ofNanos(System.nanoTime() - startNanos);
            int exit = p.exitCode().orElse(-1);
            LOG.warn("{} exited with {} at a failpoint; restarting it without failpoints", node, exit);
            crashes.add(new AppliedFault(at, at, new Fault(Fault.Kind.KILL, node, null),
                    exit == 137 ? null : "exit code " + exit));
            history.note(node + " crashed at a failpoint (exit " + exit + ")");
            try {
                cluster.restartWithoutFailpoints(node);
            } catch (Exception | AssertionError e) {
                // A failed start leaves the dead incarnation in place, so the next round retries it.
                LOG.warn("restarting {} failed; will retry: {}", node, e.toString());
            }
        }
    }

    private static long acknowledged(History history) {
        return history.operations().stream().filter(Operation::isOk).count();
    }

    /** How often each failpoint fired, from the "failpoint NAME hit" lines in the node logs. */
    private Map<String, Long> failpointHits() throws java.io.IOException {
        Map<String, Long> hits = new TreeMap<>();
        for (String name : List.of("log.after-append", "replica.after-ack", "isr.before-cas", "isr.after-cas",
                "controller.before-promote")) {
            hits.put(name, DstClusterFaultTest.countInNodeLogs(dir, "failpoint " + name + " hit"));
        }
        return hits;
    }
}
