package io.dst.it.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.it.history.History;
import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
import io.dst.it.linearizability.CheckResult;
import io.dst.it.linearizability.LinearizabilityChecker;
import io.dst.it.linearizability.Verdict;
import io.dst.it.nemesis.NemesisReport;
import io.dst.it.set.SetCheckResult;
import io.dst.it.set.SetChecker;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final Duration PATIENT = Duration.ofSeconds(30);

    @Test
    void shouldRecordACheckableHistoryAgainstACorrectStore() throws Exception {
        InMemoryStore store = new InMemoryStore();
        History history = new History();
        WorkloadOptions options = WorkloadOptions.mixed(4, 3, 2, 300, 5);

        Workload workload = Workload.start(options, i -> store.client(), history);
        workload.awaitCompletion(PATIENT);

        List<Operation> ops = history.operations();
        CheckResult registers = new LinearizabilityChecker().check(ops);
        List<SetCheckResult> tables = List.of(
                SetChecker.check("t0", ops, store.client().rows("t0")),
                SetChecker.check("t1", ops, store.client().rows("t1")));
        FaultRunSummary summary = FaultRunSummary.of(ops, new NemesisReport(0, List.of()), registers, tables);

        assertThat(ops).hasSize(4 * 300);
        assertThat(ops).extracting(Operation::kind).contains(OpKind.values());
        assertThat(ops).extracting(Operation::value).filteredOn(v -> v != null).allMatch(v -> v.matches("c\\d-\\d+"));
        assertThat(registers.verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(tables).allMatch(SetCheckResult::isValid);
        assertThat(summary.passed()).isTrue();
        assertThat(summary.describe()).startsWith("PASSED: 1200 operations run");
    }

    @Test
    void shouldClassifyOutcomesByWhatTheClientThrows() throws Exception {
        History history = new History();
        WorkloadOptions options = new WorkloadOptions(2, 2, 1, 25, 25, 25, 25, 200, 9);

        Workload workload = Workload.start(options, i -> new FlakyClient(), history);
        workload.awaitCompletion(PATIENT);

        Map<OpKind, Set<Outcome>> outcomes = history.operations().stream().collect(
                Collectors.groupingBy(Operation::kind, Collectors.mapping(Operation::outcome, Collectors.toSet())));
        assertThat(outcomes).containsEntry(OpKind.READ, Set.of(Outcome.OK))
                .containsEntry(OpKind.WRITE, Set.of(Outcome.FAIL))
                .containsEntry(OpKind.CAS, Set.of(Outcome.FAIL))
                .containsEntry(OpKind.INSERT, Set.of(Outcome.INDETERMINATE));
        // After each unknown outcome a client continues as a fresh process.
        long inserts = history.operations().stream().filter(op -> op.kind() == OpKind.INSERT).count();
        assertThat(history.operations().stream().map(Operation::process).distinct().count()).isEqualTo(2 + inserts);
    }

    @Test
    void shouldStopClientsEarlyOnRequest() throws Exception {
        History history = new History();
        Workload workload = Workload.start(WorkloadOptions.mixed(2, 2, 1, Integer.MAX_VALUE, 1),
                i -> new InMemoryStore().client(), history);
        org.awaitility.Awaitility.await().atMost(PATIENT).until(() -> history.operations().size() > 100);

        workload.stop(PATIENT);

        // Stopped means no operation is left in flight: every invocation has its completion.
        assertThat(history.events()).hasSize(2 * history.operations().size());
    }

    @Test
    void shouldFailTheSummaryOnAnyLossOrViolation() {
        FaultRunSummary lost = new FaultRunSummary(10, 8, 1, 1, 3, 1, 0, 0, 0);
        FaultRunSummary undecided = new FaultRunSummary(10, 8, 1, 1, 3, 0, 0, 0, 1);

        assertThat(lost.passed()).isFalse();
        assertThat(undecided.passed()).isFalse();
        assertThat(lost.describe()).startsWith("FAILED").contains("1 acknowledged inserts lost");
    }

    /** Reads work, writes are refused outright, CAS never matches, inserts time out. */
    private static final class FlakyClient implements StoreClient {
        @Override
        public String read(String key) {
            return null;
        }

        @Override
        public void write(String key, String value) throws DefiniteFailure {
            throw new DefiniteFailure("not the primary");
        }

        @Override
        public boolean compareAndSet(String key, String expected, String value) {
            return false;
        }

        @Override
        public void insert(String table, String row) throws IOException {
            throw new SocketTimeoutException("timed out");
        }

        @Override
        public Set<String> rows(String table) {
            return Set.of();
        }

        @Override
        public void close() {
        }
    }
}
