package io.dst.it.set;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.it.history.History;
import io.dst.it.history.Operation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetCheckerTest {

    private final History history = new History();

    private List<Operation> inserts() {
        history.invokeInsert(0, "t", "r1").ok();
        history.invokeInsert(1, "t", "r2").ok();
        history.invokeInsert(2, "t", "r3").indeterminate();
        history.invokeInsert(3, "t", "r4").fail();
        history.invokeInsert(4, "t", "r5"); // never completed
        history.invokeInsert(5, "other", "x1").ok();
        return history.operations();
    }

    @Test
    void shouldAcceptAllAcknowledgedRowsWithOrWithoutIndeterminateOnes() {
        List<Operation> ops = inserts();

        SetCheckResult without = SetChecker.check("t", ops, Set.of("r1", "r2"));
        SetCheckResult with = SetChecker.check("t", ops, Set.of("r1", "r2", "r3", "r5"));

        assertThat(without.isValid()).isTrue();
        assertThat(without.indeterminateAbsent()).containsExactly("r3", "r5");
        assertThat(with.isValid()).isTrue();
        assertThat(with.indeterminatePresent()).containsExactly("r3", "r5");
        assertThat(with.acknowledged()).isEqualTo(2);
    }

    @Test
    void shouldFlagLostAcknowledgedInsert() {
        SetCheckResult result = SetChecker.check("t", inserts(), Set.of("r1", "r3"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.lost()).containsExactly("r2");
        assertThat(result.describe()).contains("INVALID").contains("lost=[r2]");
    }

    @Test
    void shouldFlagRowNeverAttempted() {
        SetCheckResult result = SetChecker.check("t", inserts(), Set.of("r1", "r2", "ghost", "x1"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.unexpected()).containsExactly("ghost", "x1");
    }

    @Test
    void shouldFlagRowWhoseOnlyInsertDefinitelyFailed() {
        SetCheckResult result = SetChecker.check("t", inserts(), Set.of("r1", "r2", "r4"));

        assertThat(result.resurrected()).containsExactly("r4");
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void shouldTreatRetriedInsertByItsStrongestOutcome() {
        history.invokeInsert(0, "t", "r1").fail();
        history.invokeInsert(0, "t", "r1").ok();

        assertThat(SetChecker.check("t", history.operations(), Set.of()).lost()).containsExactly("r1");
    }
}
