package io.dst.it.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.it.history.History;
import io.dst.it.history.Operation;
import io.dst.it.linearizability.CheckResult;
import io.dst.it.linearizability.LinearizabilityChecker;
import io.dst.it.linearizability.Verdict;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end proof of the plumbing on toy nodes: processes, proxies, nemesis, workload, recorder and
 * checkers together, first on nodes that are correct (everything must pass), then on a node that
 * forgets acknowledged updates on restart (the checkers must catch it). This is the shape a Dst
 * cluster test takes, with {@code ToyRegisterCluster} and {@code ToyStoreClient} replaced by real ones.
 */
class ToyRegisterClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(ToyRegisterClusterTest.class);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(400);
    private static final WorkloadOptions WORKLOAD = WorkloadOptions.mixed(4, 6, 3, 2000, 20261123L);

    @TempDir
    Path dir;

    @Test
    void shouldFindDurableToyNodesLinearizableAndLosingNothingUnderSeededNemesis() throws Exception {
        SoakClock soak = SoakClock.fromSystemProperties();
        FaultRunSummary total = FaultRunSummary.empty();
        while (soak.anotherRound()) {
            long seed = WORKLOAD.seed() + soak.rounds() - 1;
            FaultRunSummary round = runRound(dir.resolve("round-" + soak.rounds()), seed);
            total = total.plus(round);
            LOG.info("toy round {} (seed {}) {}", soak.rounds(), seed, round.describe());
        }
        LOG.info("toy run, {} rounds: {}", soak.rounds(), total.describe());
        assertThat(total.passed()).as(total::describe).isTrue();
    }

    /** One complete run: fresh cluster, workload under a nemesis, final reads, checks; asserts as it goes. */
    private FaultRunSummary runRound(Path roundDir, long seed) throws Exception {
        History history = new History();
        WorkloadOptions workloadOptions = new WorkloadOptions(WORKLOAD.clients(), WORKLOAD.keys(), WORKLOAD.tables(),
                WORKLOAD.readPercent(), WORKLOAD.writePercent(), WORKLOAD.casPercent(), WORKLOAD.insertPercent(),
                WORKLOAD.maxOpsPerClient(), seed);
        try (ToyRegisterCluster cluster = new ToyRegisterCluster(roundDir, 3, true)) {
            NemesisSchedule schedule = NemesisSchedule.generate(seed, cluster.processes().nodes(),
                    cluster.links(), new NemesisOptions(10, Duration.ofMillis(300), 1, 1, Duration.ofMillis(300),
                            EnumSet.of(Fault.Kind.KILL, Fault.Kind.PAUSE, Fault.Kind.CUT, Fault.Kind.BLACKHOLE,
                                    Fault.Kind.DELAY)));

            NemesisReport report;
            try (Workload workload = Workload.start(workloadOptions, i -> new ToyStoreClient(cluster, CLIENT_TIMEOUT), history);
                 Nemesis nemesis = Nemesis.start(schedule, cluster.processes(), history)) {
                report = nemesis.awaitCompletion(Duration.ofMinutes(2));
            }
            List<SetCheckResult> tables;
            try (ToyStoreClient reader = new ToyStoreClient(cluster, Duration.ofSeconds(2))) {
                readEveryKeyOnceHealthy(reader, history);
                tables = checkEveryTable(reader, history.operations());
            }

            List<Operation> ops = history.operations();
            CheckResult registers = new LinearizabilityChecker().check(ops);
            FaultRunSummary summary = FaultRunSummary.of(ops, report, registers, tables);

            assertThat(report.failures()).as(report::describe).isEmpty();
            assertThat(report.faultsInjected()).isEqualTo(schedule.disruptions()).isPositive();
            assertThat(history.notes()).hasSize(2 * schedule.steps().size());
            assertThat(summary.acknowledged()).isGreaterThan(200);
            assertThat(tables).allSatisfy(t -> assertThat(t.isValid()).as(t::describe).isTrue());
            assertThat(tables.stream().mapToInt(SetCheckResult::acknowledged).sum()).isPositive();
            assertThat(registers.verdict()).as(() -> registers.describe(history.notes()) + schedule.describe())
                    .isEqualTo(Verdict.LINEARIZABLE);
            assertThat(summary.passed()).as(summary::describe).isTrue();
            return summary;
        }
    }

    @Test
    void shouldCatchUpdatesLostByVolatileNodeRestartedAfterKill() throws Exception {
        History history = new History();
        Set<String> rows;
        try (ToyRegisterCluster cluster = new ToyRegisterCluster(dir, 1, false);
             ToyStoreClient client = new ToyStoreClient(cluster, Duration.ofSeconds(5))) {
            History.Invocation write = history.invokeWrite(0, "k0", "v1");
            client.write("k0", "v1");
            write.ok();
            History.Invocation insert = history.invokeInsert(0, "t0", "r1");
            client.insert("t0", "r1");
            insert.ok();

            history.note("test: kill n1");
            cluster.processes().kill("n1");
            cluster.processes().restart("n1");
            history.note("test: n1 restarted");
            readEveryKeyOnceHealthy(client, history, "k0");
            rows = client.rows("t0");
        }

        CheckResult result = new LinearizabilityChecker().check(history.operations());

        assertThat(SetChecker.check("t0", history.operations(), rows).lost()).containsExactly("r1");
        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        String report = result.describe(history.notes());
        assertThat(report).containsSubsequence("WRITE  k0 := \"v1\"", "test: kill n1", "test: n1 restarted",
                "READ   k0 -> nil   <== cannot be linearized");
        LOG.info("caught as expected:\n{}", report);
    }

    private static void readEveryKeyOnceHealthy(ToyStoreClient reader, History history) {
        for (int k = 0; k < WORKLOAD.keys(); k++) {
            readEveryKeyOnceHealthy(reader, history, "k" + k);
        }
    }

    /** Reads {@code key} until a read succeeds; every attempt is recorded (a final read is an operation too). */
    private static void readEveryKeyOnceHealthy(ToyStoreClient reader, History history, String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            History.Invocation read = history.invokeRead(9999, key);
            try {
                read.okRead(reader.read(key));
                return true;
            } catch (Exception e) {
                read.indeterminate();
                return false;
            }
        });
    }

    private static List<SetCheckResult> checkEveryTable(ToyStoreClient reader, List<Operation> ops) {
        List<SetCheckResult> results = new ArrayList<>();
        for (int t = 0; t < WORKLOAD.tables(); t++) {
            String table = "t" + t;
            AtomicReference<Set<String>> rows = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
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
