package io.dst.it.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void shouldPairInvocationsWithCompletions() {
        AtomicLong clock = new AtomicLong();
        History history = new History(() -> clock.addAndGet(10));

        history.invokeWrite(1, "k", "a").ok();
        History.Invocation read = history.invokeRead(2, "k");
        history.invokeCas(3, "k", "a", "b").fail();
        read.okRead("a");
        history.invokeWrite(4, "k", "c").indeterminate();
        history.invokeRead(5, "k"); // never completed

        List<Operation> ops = history.operations();

        assertThat(ops).extracting(Operation::outcome).containsExactly(
                Outcome.OK, Outcome.OK, Outcome.FAIL, Outcome.INDETERMINATE, Outcome.INDETERMINATE);
        assertThat(ops.get(0)).isEqualTo(new Operation(0, 1, OpKind.WRITE, "k", "a", null, Outcome.OK, 10, 20));
        assertThat(ops.get(1).value()).isEqualTo("a");
        assertThat(ops.get(1).invokeNanos()).isLessThan(ops.get(2).invokeNanos());
        assertThat(ops.get(1).completeNanos()).isGreaterThan(ops.get(2).completeNanos());
        assertThat(ops.get(2).expected()).isEqualTo("a");
        assertThat(ops.get(3).completeNanos()).isEqualTo(Operation.NEVER);
        assertThat(ops.get(4).value()).isNull();
    }

    @Test
    void shouldShowNotesAmongEventsAndOperationsButNotAsOperations() {
        AtomicLong clock = new AtomicLong();
        History history = new History(() -> clock.addAndGet(1_000_000));
        History.Invocation write = history.invokeWrite(1, "k", "a");
        history.note("nemesis begins: kill n1");
        write.indeterminate();
        history.invokeRead(2, "k").okRead("a");

        assertThat(history.operations()).hasSize(2);
        assertThat(history.notes()).extracting(Event::value).containsExactly("nemesis begins: kill n1");
        assertThat(history.render()).contains("note          nemesis begins: kill n1");
        assertThat(HistoryRenderer.renderOperations(history.operations(), java.util.Set.of(), "", history.notes()))
                .containsSubsequence("WRITE  k := \"a\"", "------- +0.002000s  nemesis begins: kill n1", "READ   k -> \"a\"");
    }

    @Test
    void shouldRefuseToCompleteAnOperationTwice() {
        History history = new History();
        History.Invocation write = history.invokeWrite(0, "k", "a");
        write.ok();

        assertThatThrownBy(write::fail).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldKeepEventOrderConsistentWithTimestampsAcrossThreads() throws Exception {
        History history = new History();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int process = p;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    history.invokeWrite(process, "k" + (i % 3), "v" + process + "-" + i).ok();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Event> events = history.events();

        assertThat(events).hasSize(4 * 2000 * 2);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).index()).isEqualTo(i);
            assertThat(events.get(i).nanos()).isGreaterThanOrEqualTo(events.get(i - 1).nanos());
        }
        assertThat(history.operations()).allMatch(Operation::isOk).hasSize(8000);
    }

    @Test
    void shouldRenderEventsAndOperationsReadably() {
        AtomicLong clock = new AtomicLong();
        History history = new History(() -> clock.addAndGet(1_000_000));
        history.invokeWrite(3, "k1", "v5").ok();
        history.invokeRead(4, "k1").okRead(null);
        history.invokeWrite(5, "k1", "v6").indeterminate();

        assertThat(history.render()).contains("invoke        p3 WRITE  k1 := \"v5\"")
                .contains("ok            p4 READ   k1 -> nil")
                .contains("indeterminate p5 WRITE  k1 := \"v6\"");
        assertThat(HistoryRenderer.renderOperations(history.operations(), java.util.Set.of(1L), "look here"))
                .contains("[+0.003000s .. +0.004000s] ok            p4 READ   k1 -> nil   <== look here")
                .contains(".. inf      ] indeterminate");
    }
}
