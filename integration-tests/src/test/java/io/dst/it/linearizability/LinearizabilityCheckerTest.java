package io.dst.it.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinearizabilityCheckerTest {

    private final LinearizabilityChecker checker = new LinearizabilityChecker();

    @Test
    void shouldAcceptSequentialWritesAndReads() {
        List<Operation> history = Ops.on("k")
                .read(0, null, 0, 1)
                .write(0, "a", 2, 3)
                .read(1, "a", 4, 5)
                .write(1, "b", 6, 7)
                .read(0, "b", 8, 9)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void shouldAcceptReadsOfEitherValueWhileWritesOverlap() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 10)
                .write(1, "b", 1, 11)
                .read(2, "b", 2, 3)
                .read(3, "a", 4, 12)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void shouldFlagStaleRead() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 1)
                .write(0, "b", 2, 3)
                .read(1, "a", 4, 5)
                .build();

        CheckResult result = checker.check(history);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        KeyResult key = result.violations().get(0);
        assertThat(key.stuckAt().id()).isEqualTo(2);
        assertThat(key.describe()).contains("<== cannot be linearized").contains("READ   k -> \"a\"");
    }

    @Test
    void shouldFlagLostAcknowledgedWrite() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 1)
                .read(1, null, 2, 3)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldFlagReadOfValueNeverWritten() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 1)
                .read(1, "zzz", 2, 3)
                .build();

        KeyResult result = checker.check(history).violations().get(0);

        assertThat(result.explanation()).contains("no write that may have taken effect wrote");
        assertThat(result.stuckAt().id()).isEqualTo(1);
    }

    @Test
    void shouldFlagReadOfValueOnlyWrittenByDefinitelyFailedWrite() {
        List<Operation> history = Ops.on("k")
                .failedWrite(0, "a", 0, 1)
                .read(1, "a", 2, 3)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldFlagValuesSeenInAnOrderNoSingleTimelineAllows() {
        // Both writes overlap both reads, but the two readers disagree on the order of a and b.
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 10)
                .write(1, "b", 0, 10)
                .read(2, "a", 1, 2)
                .read(2, "b", 3, 4)
                .read(3, "b", 1, 2)
                .read(3, "a", 3, 4)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldLetIndeterminateWriteTakeEffectLate() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 1)
                .indeterminateWrite(1, "b", 2)
                .read(2, "a", 10, 11)
                .read(2, "b", 20, 21)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void shouldLetIndeterminateWriteNeverTakeEffect() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 1)
                .indeterminateWrite(1, "b", 2)
                .read(2, "a", 100, 101)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void shouldNotLetIndeterminateWriteTakeEffectBeforeItWasInvoked() {
        List<Operation> history = Ops.on("k")
                .read(0, "b", 0, 1)
                .indeterminateWrite(1, "b", 2)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldFlagIndeterminateWriteThatTakesEffectTwice() {
        List<Operation> history = Ops.on("k")
                .indeterminateWrite(0, "b", 0)
                .read(1, "b", 1, 2)
                .write(1, "c", 3, 4)
                .read(1, "b", 5, 6)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldStayFastWithManyUnobservedIndeterminateWrites() {
        Ops ops = Ops.on("k").write(0, "a", 0, 1);
        for (int i = 0; i < 500; i++) {
            ops.indeterminateWrite(10 + i, "lost" + i, 2 + i);
            ops.read(1, "a", 3 + i * 2L, 4 + i * 2L);
        }
        LinearizabilityChecker stingy = new LinearizabilityChecker(new SearchBudget(100_000, Duration.ofSeconds(5)));

        assertThat(stingy.check(ops.build()).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void shouldStillFlagViolationWhereIndeterminateWriteIsObservedBeforeItWasInvoked() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 1)
                .read(1, "x", 2, 3)
                .indeterminateWrite(2, "x", 4)
                .indeterminateWrite(3, "y", 4)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldIgnoreTimedOutReads() {
        List<Operation> history = Ops.on("k")
                .write(0, "a", 0, 1)
                .timedOutRead(1, 2)
                .read(2, "a", 3, 4)
                .build();

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void shouldCheckCompareAndSetAgainstTheCurrentValue() {
        List<Operation> ok = Ops.on("k")
                .write(0, "a", 0, 1)
                .cas(1, "a", "b", 2, 3)
                .read(0, "b", 4, 5)
                .build();
        List<Operation> casOnStaleValue = Ops.on("k")
                .write(0, "a", 0, 1)
                .write(0, "c", 2, 3)
                .cas(1, "a", "b", 4, 5)
                .build();

        assertThat(checker.check(ok).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(casOnStaleValue).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldAllowIndeterminateCasToApplyOrNot() {
        List<Operation> applied = Ops.on("k")
                .write(0, "a", 0, 1)
                .indeterminateCas(1, "a", "b", 2)
                .read(0, "b", 5, 6)
                .build();
        List<Operation> notApplied = Ops.on("k")
                .write(0, "a", 0, 1)
                .indeterminateCas(1, "a", "b", 2)
                .read(0, "a", 5, 6)
                .build();

        assertThat(checker.check(applied).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(notApplied).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void shouldCheckEachKeyIndependently() {
        List<Operation> history = new ArrayList<>(Ops.on("good").write(0, "a", 0, 1).read(1, "a", 2, 3).build());
        for (Operation op : Ops.on("bad").write(0, "a", 0, 1).write(0, "b", 2, 3).read(1, "a", 4, 5).build()) {
            history.add(new Operation(op.id() + 100, op.process(), op.kind(), op.key(), op.value(), op.expected(),
                    op.outcome(), op.invokeNanos(), op.completeNanos()));
        }

        CheckResult result = checker.check(history);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(result.perKey().get("good").verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(result.violations()).extracting(KeyResult::key).containsExactly("bad");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldAcceptEveryHistoryOfARealRegister(long seed) {
        List<Operation> history = RandomRegisterHistories.linearizable(seed, 6, 600, 3, 0.05);

        CheckResult result = checker.check(history);

        assertThat(result.verdict()).as(result::describe).isEqualTo(Verdict.LINEARIZABLE);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldFlagEveryStaleReadMutation(long seed) {
        List<Operation> history = RandomRegisterHistories.linearizable(seed, 6, 600, 3, 0.05);
        Optional<List<Operation>> mutated = RandomRegisterHistories.staleRead(history, new Random(seed));

        assertThat(mutated).as("seed %d offers a read to make stale", seed).isPresent();
        assertThat(checker.check(mutated.get()).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldFlagEveryPhantomReadMutation(long seed) {
        List<Operation> history = new ArrayList<>(RandomRegisterHistories.linearizable(seed, 4, 200, 2, 0.05));
        Random random = new Random(seed);
        int index;
        do {
            index = random.nextInt(history.size());
        } while (history.get(index).kind() != OpKind.READ || !history.get(index).isOk());
        history.set(index, history.get(index).withValue("never-written"));

        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void shouldAgreeWithBruteForceOnSmallRandomHistories() {
        Random random = new Random(42);
        int violations = 0;
        for (int round = 0; round < 3000; round++) {
            List<Operation> history = arbitraryHistory(random, 2 + random.nextInt(5));
            boolean expected = BruteForceOracle.isLinearizable(history);
            Verdict verdict = checker.checkKey("k", history).verdict();
            assertThat(verdict).as("round %d:%n%s", round, history)
                    .isEqualTo(expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE);
            violations += expected ? 0 : 1;
        }
        // The sample must exercise both answers, or the comparison proves little.
        assertThat(violations).isBetween(300, 2700);
    }

    @Test
    void shouldAnswerUnknownRatherThanGuessWhenBudgetRunsOut() {
        List<Operation> history = RandomRegisterHistories.linearizable(7, 8, 400, 1, 0.1);
        LinearizabilityChecker stingy = new LinearizabilityChecker(new SearchBudget(50, Duration.ofSeconds(5)));

        CheckResult result = stingy.check(history);

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.unknowns().get(0).explanation()).contains("search budget exhausted");
    }

    @Test
    void shouldCheckAThousandOperationsOnOneKeyQuickly() {
        List<Operation> history = RandomRegisterHistories.linearizable(11, 10, 1000, 1, 0.1);

        long start = System.nanoTime();
        CheckResult result = checker.check(history);

        assertThat(result.verdict()).as(result::describe).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 17L, 99L, 12345L, 20261123L);
    }

    /** Random operations with random intervals and results drawn from a tiny value domain. */
    private static List<Operation> arbitraryHistory(Random random, int size) {
        String[] values = {null, "a", "b", "c"};
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long invoke = random.nextInt(10);
            long complete = invoke + random.nextInt(6);
            OpKind kind = OpKind.values()[random.nextInt(3)];
            Outcome outcome = random.nextInt(5) == 0 ? Outcome.INDETERMINATE
                    : random.nextInt(8) == 0 ? Outcome.FAIL : Outcome.OK;
            String value = kind == OpKind.READ ? values[random.nextInt(4)] : values[1 + random.nextInt(3)];
            String expected = kind == OpKind.CAS ? values[random.nextInt(4)] : null;
            ops.add(new Operation(i, i, kind, "k", value, expected, outcome, invoke,
                    outcome == Outcome.INDETERMINATE ? Operation.NEVER : complete));
        }
        return ops;
    }
}
