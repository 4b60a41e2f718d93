package io.dst.it.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.it.history.History;
import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end proof of the plumbing on toy nodes: processes, proxies, nemesis, recorder and checker
 * together, first on nodes that are correct (the checker must pass), then on a node that loses
 * acknowledged writes on restart (the checker must catch it).
 */
class ToyRegisterClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(ToyRegisterClusterTest.class);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(400);
    private static final int CLIENTS = 4;
    private static final int KEYS = 6;
    private static final int TABLES = 3;
    private static final int MAX_OPS_PER_CLIENT = 3000;
    private static final long SEED = 20261123L;

    @TempDir
    Path dir;

    @Test
    void shouldFindDurableToyRegistersLinearizableUnderSeededNemesis() throws Exception {
        History history = new History();
        try (ToyRegisterCluster cluster = new ToyRegisterCluster(dir, 3, true)) {
            NemesisSchedule schedule = NemesisSchedule.generate(SEED, cluster.processes().nodes(), cluster.links(),
                    new NemesisOptions(10, Duration.ofMillis(300), 1, 1, Duration.ofMillis(300),
                            EnumSet.of(Fault.Kind.KILL, Fault.Kind.PAUSE, Fault.Kind.CUT, Fault.Kind.BLACKHOLE,
                                    Fault.Kind.DELAY)));
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> runClient(client, cluster, history, running)));
            }

            NemesisReport report;
            try (Nemesis nemesis = Nemesis.start(schedule, cluster.processes(), history)) {
                report = nemesis.awaitCompletion(Duration.ofMinutes(2));
            } finally {
                running.set(false);
                for (Future<?> f : clients) {
                    f.get(1, TimeUnit.MINUTES);
                }
                pool.shutdown();
            }
            readEveryKeyOnceHealthy(cluster, history);
            List<SetCheckResult> tables = checkEveryTable(cluster, history);

            List<Operation> ops = history.operations();
            CheckResult result = new LinearizabilityChecker().check(ops);
            Map<Outcome, Long> outcomes = ops.stream().collect(Collectors.groupingBy(Operation::outcome, Collectors.counting()));
            LOG.info("toy run: {} operations {}, {} faults injected, verdict {}", ops.size(), outcomes,
                    report.faultsInjected(), result.verdict());

            assertThat(report.failures()).as(report::describe).isEmpty();
            assertThat(report.faultsInjected()).isEqualTo(schedule.disruptions()).isPositive();
            assertThat(outcomes.getOrDefault(Outcome.OK, 0L)).isGreaterThan(200);
            assertThat(history.notes()).hasSize(2 * schedule.steps().size());
            assertThat(tables).allSatisfy(t -> assertThat(t.isValid()).as(t::describe).isTrue());
            assertThat(tables.stream().mapToInt(SetCheckResult::acknowledged).sum()).isPositive();
            assertThat(result.verdict()).as(() -> result.describe(history.notes()) + schedule.describe())
                    .isEqualTo(Verdict.LINEARIZABLE);
        }
    }

    @Test
    void shouldCatchAcknowledgedWriteLostByVolatileNodeRestartedAfterKill() throws Exception {
        History history = new History();
        try (ToyRegisterCluster cluster = new ToyRegisterCluster(dir, 1, false);
             RegisterClient client = new RegisterClient(cluster.addressFor("k0"), Duration.ofSeconds(5), history)) {
            assertThat(client.write(0, "k0", "v1")).isTrue();
            assertThat(client.insert(0, "t0", "r1")).isTrue();
            assertThat(client.read(0, "k0")).isTrue();

            history.note("test: kill n1");
            cluster.processes().kill("n1");
            cluster.processes().restart("n1");
            history.note("test: n1 restarted");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.read(1, "k0"));
            Set<String> rows = client.rows("t0").orElseThrow();

            assertThat(SetChecker.check("t0", history.operations(), rows).lost()).containsExactly("r1");
        }

        CheckResult result = new LinearizabilityChecker().check(history.operations());

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(result.violations().get(0).stuckAt().value()).isNull();
        String report = result.describe(history.notes());
        assertThat(report).containsSubsequence("WRITE  k0 := \"v1\"", "test: kill n1", "test: n1 restarted",
                "READ   k0 -> nil   <== cannot be linearized");
        LOG.info("caught as expected:\n{}", report);
    }

    private static void runClient(int client, ToyRegisterCluster cluster, History history, AtomicBoolean running) {
        Random random = new Random(SEED + client);
        Map<String, RegisterClient> connections = new HashMap<>();
        Map<String, String> lastSeen = new HashMap<>();
        int process = client;
        try {
            for (int n = 0; n < MAX_OPS_PER_CLIENT && running.get(); n++) {
                String key = "k" + random.nextInt(KEYS);
                RegisterClient connection = connections.computeIfAbsent(key,
                        k -> new RegisterClient(cluster.addressFor(k), CLIENT_TIMEOUT, history));
                String value = "c" + client + "-" + n;
                int roll = random.nextInt(20);
                boolean known;
                if (roll >= 17) {
                    String table = "t" + random.nextInt(TABLES);
                    known = connections.computeIfAbsent(table,
                            t -> new RegisterClient(cluster.addressFor(t), CLIENT_TIMEOUT, history))
                            .insert(process, table, value);
                } else if (roll < 8) {
                    known = connection.read(process, key);
                } else if (roll < 14) {
                    known = connection.write(process, key, value);
                    if (known) {
                        lastSeen.put(key, value);
                    }
                } else {
                    known = connection.cas(process, key, lastSeen.get(key), value);
                }
                if (!known) {
                    process += CLIENTS; // after an unknown outcome a client continues as a new process
                }
            }
        } finally {
            connections.values().forEach(RegisterClient::close);
        }
    }

    private static List<SetCheckResult> checkEveryTable(ToyRegisterCluster cluster, History history) {
        List<SetCheckResult> results = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            String table = "t" + t;
            try (RegisterClient reader = new RegisterClient(cluster.addressFor(table), Duration.ofSeconds(2), history)) {
                Set<String> rows = await().atMost(Duration.ofSeconds(30)).until(() -> reader.rows(table), Optional::isPresent).orElseThrow();
                SetCheckResult result = SetChecker.check(table, history.operations(), rows);
                LOG.info("{}", result.describe());
                results.add(result);
            }
        }
        return results;
    }

    private static void readEveryKeyOnceHealthy(ToyRegisterCluster cluster, History history) {
        for (int k = 0; k < KEYS; k++) {
            String key = "k" + k;
            try (RegisterClient reader = new RegisterClient(cluster.addressFor(key), Duration.ofSeconds(2), history)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.read(1000 + key.hashCode() % 100, key));
            }
        }
    }
}
