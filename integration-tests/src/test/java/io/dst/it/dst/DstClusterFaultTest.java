package io.dst.it.dst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.it.history.History;
import io.dst.it.history.Operation;
import io.dst.it.linearizability.CheckResult;
import io.dst.it.linearizability.LinearizabilityChecker;
import io.dst.it.nemesis.AppliedFault;
import io.dst.it.nemesis.Fault;
import io.dst.it.nemesis.Nemesis;
import io.dst.it.nemesis.NemesisOptions;
import io.dst.it.nemesis.NemesisReport;
import io.dst.it.nemesis.NemesisSchedule;
import io.dst.it.set.SetCheckResult;
import io.dst.it.set.SetChecker;
import io.dst.it.workload.FaultRunSummary;
import io.dst.it.workload.SoakClock;
import io.dst.it.workload.Workload;
import io.dst.it.workload.WorkloadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real Dst store nodes, each in its own JVM behind a proxy, under a seeded nemesis that kills
 * (-9) and restarts nodes, pauses them (SIGSTOP/SIGCONT) and cuts, blackholes or delays their links
 * (client->node, node->ZooKeeper and each directed node->node link),
 * while concurrent clients write and read str keys and insert table rows. After healing, every key
 * and row is read back: no acknowledged insert may be lost, no row may come from nowhere, and every
 * key's history must be linearizable. Under {@code -Psoak} rounds repeat with successive seeds.
 */
class DstClusterFaultTest {

    private static final Logger LOG = LoggerFactory.getLogger(DstClusterFaultTest.class);
    private static final long SEED = 20261123L;
    static final int TABLES = 3;
    /** 45% reads, 35% writes, no CAS (Dst has none), 20% inserts. */
    static final WorkloadOptions WORKLOAD = new WorkloadOptions(4, 10, TABLES, 45, 35, 0, 20, 1_000_000, SEED);
    /** Per call, retries included: long enough to ride out a failover (about 2 s) on a loaded machine. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final int NEMESIS_STEPS = 20;
    private static final Duration NEMESIS_INTERVAL = Duration.ofMillis(2500);

    /** Kept when the test fails: the nodes' logs ({@code round-N/nX.log}) are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void shouldLoseNoAcknowledgedWriteAndStayLinearizableWhileNodesCrashPauseAndLoseLinks() throws Exception {
        runRounds(EnumSet.of(Fault.Kind.KILL, Fault.Kind.PAUSE, Fault.Kind.CUT, Fault.Kind.BLACKHOLE, Fault.Kind.DELAY));
    }

    private void runRounds(Set<Fault.Kind> kinds) throws Exception {
        SoakClock soak = SoakClock.fromSystemProperties();
        FaultRunSummary total = FaultRunSummary.empty();
        Map<Fault.Kind, Long> faults = new TreeMap<>();
        while (soak.anotherRound()) {
            long seed = SEED + soak.rounds() - 1;
            Round round = runRound(dir.resolve("round-" + soak.rounds()), seed, kinds);
            total = total.plus(round.summary());
            round.faultsByKind().forEach((k, n) -> faults.merge(k, n, Long::sum));
            LOG.info("dst round {} (seed {}) {}; faults by kind {}", soak.rounds(), seed, round.summary().describe(),
                    round.faultsByKind());
        }
        LOG.info("dst cluster run, {} rounds: {}; faults by kind {}", soak.rounds(), total.describe(), faults);
        assertThat(total.passed()).as(total::describe).isTrue();
    }

    private record Round(FaultRunSummary summary, Map<Fault.Kind, Long> faultsByKind) {
    }

    /** One complete run on a fresh cluster; asserts as it goes so a failure names its seed and history. */
    private Round runRound(Path roundDir, long seed, Set<Fault.Kind> kinds) throws Exception {
        History history = new History();
        WorkloadOptions options = new WorkloadOptions(WORKLOAD.clients(), WORKLOAD.keys(), WORKLOAD.tables(),
                WORKLOAD.readPercent(), WORKLOAD.writePercent(), WORKLOAD.casPercent(), WORKLOAD.insertPercent(),
                WORKLOAD.maxOpsPerClient(), seed);
        // Proxies on the ZooKeeper links and on each directed node->node link (nX->nY), so the nemesis can
        // cut or delay one replication direction alone as well as all of a node's inbound traffic (->nX).
        try (DstNodeCluster cluster = DstNodeCluster.start(roundDir, "fault" + seed, 3,
                new DstNodeCluster.Options(true, true, Map.of()))) {
            try (DstStoreClient admin = new DstStoreClient(cluster, Duration.ofSeconds(10))) {
                createTables(admin);
            }
            NemesisSchedule schedule = NemesisSchedule.generate(seed, cluster.nodes(), cluster.links(),
                    new NemesisOptions(NEMESIS_STEPS, NEMESIS_INTERVAL, 1, 1, Duration.ofMillis(800), kinds));

            NemesisReport report;
            try (Workload workload = Workload.start(options, i -> new DstStoreClient(cluster, CLIENT_TIMEOUT), history);
                 Nemesis nemesis = Nemesis.start(schedule, cluster, history)) {
                report = nemesis.awaitCompletion(Duration.ofMinutes(5));
            }
            List<SetCheckResult> tables;
            try (DstStoreClient reader = new DstStoreClient(cluster, Duration.ofSeconds(5))) {
                readEveryKeyOnceHealthy(reader, history);
                tables = checkEveryTable(reader, history.operations());
            }

            List<Operation> ops = history.operations();
            CheckResult registers = new LinearizabilityChecker().check(ops);
            FaultRunSummary summary = FaultRunSummary.of(ops, report, registers, tables);
            LOG.info("dst round seed {}: {}; nodes logged {} primary promotions and {} step-downs", seed,
                    summary.describe(), countInNodeLogs(roundDir, "now primary in epoch"),
                    countInNodeLogs(roundDir, "stepping down as primary"));

            LOG.info("dst round seed {}: {} of the faults hit a node->node link: {}", seed,
                    peerLinkFaults(report).size(), peerLinkFaults(report));

            assertThat(report.failures()).as(report::describe).isEmpty();
            assertThat(report.faultsInjected()).isEqualTo(schedule.disruptions()).isPositive();
            assertThat(summary.acknowledged()).isGreaterThan(200);
            assertThat(tables).allSatisfy(t -> assertThat(t.isValid()).as(t::describe).isTrue());
            assertThat(tables.stream().mapToInt(SetCheckResult::acknowledged).sum()).isPositive();
            assertThat(registers.violations()).as(() -> "seed " + seed + "\n" + registers.describe(history.notes())
                    + schedule.describe()).isEmpty();
            assertThat(summary.passed()).as(() -> summary.describe() + "\n" + registers.describe(history.notes()))
                    .isTrue();
            return new Round(summary, faultsByKind(report));
        }
    }

    static void createTables(DstStoreClient admin) {
        for (int t = 0; t < TABLES; t++) {
            TableSchema schema = new TableSchema("t" + t,
                    List.of(new Column("id", ColumnType.of(ScalarType.STRING), true, false, false)));
            await().atMost(SETTLE).ignoreExceptions()
                    .until(() -> admin.store().table(schema.name()).isPresent()
                            || admin.store().createTable(schema, 4, 3, 2, true));
        }
    }

    /** Lines containing {@code text} in every node's log (all incarnations): evidence that faults forced failovers. */
    static long countInNodeLogs(Path roundDir, String text) throws java.io.IOException {
        long n = 0;
        try (var files = java.nio.file.Files.list(roundDir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().matches("n\\d+\\.log")).toList()) {
                n += new String(java.nio.file.Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8)
                        .lines().filter(l -> l.contains(text)).count();
            }
        }
        return n;
    }

    /** The disruptions applied to one direction between two nodes ({@code nX->nY}), the per-peer proxies. */
    private static List<String> peerLinkFaults(NemesisReport report) {
        return report.applied().stream()
                .filter(a -> a.succeeded() && a.fault().kind().disrupts() && a.fault().target().matches("n\\d+->n\\d+"))
                .map(a -> a.fault().kind() + " " + a.fault().target())
                .toList();
    }

    private static Map<Fault.Kind, Long> faultsByKind(NemesisReport report) {
        Map<Fault.Kind, Long> byKind = new TreeMap<>();
        for (AppliedFault a : report.applied()) {
            if (a.succeeded() && a.fault().kind().disrupts()) {
                byKind.merge(a.fault().kind(), 1L, Long::sum);
            }
        }
        return byKind;
    }

    /** Reads each key until a read succeeds; every attempt is recorded, since a final read is an operation too. */
    static void readEveryKeyOnceHealthy(DstStoreClient reader, History history) {
        for (int k = 0; k < WORKLOAD.keys(); k++) {
            String key = "k" + k;
            await().atMost(SETTLE).until(() -> {
                History.Invocation read = history.invokeRead(9999, key);
                try {
                    read.okRead(reader.read(key));
                    return true;
                } catch (RuntimeException e) {
                    read.indeterminate();
                    return false;
                }
            });
        }
    }

    static List<SetCheckResult> checkEveryTable(DstStoreClient reader, List<Operation> ops) {
        List<SetCheckResult> results = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            String table = "t" + t;
            AtomicReference<Set<String>> rows = new AtomicReference<>();
            await().atMost(SETTLE).ignoreExceptions().until(() -> {
                rows.set(reader.rows(table));
                return true;
            });
            SetCheckResult result = SetChecker.check(table, ops, rows.get());
            LOG.info("{}", result.describe());
            results.add(result);
        }
        return results;
    }
}
