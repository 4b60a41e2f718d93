package io.dst.it.workload;

import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
import io.dst.it.linearizability.CheckResult;
import io.dst.it.nemesis.NemesisReport;
import io.dst.it.set.SetCheckResult;
import java.util.List;
import java.util.Locale;

/**
 * The numbers a fault-injection run reports: operations run (by outcome), faults injected,
 * acknowledged inserts lost, rows that should not exist, and keys that are not linearizable or could
 * not be decided. A run passes only when the last four are all zero.
 */
public record FaultRunSummary(
        long operations,
        long acknowledged,
        long failed,
        long indeterminate,
        long faultsInjected,
        long acknowledgedInsertsLost,
        long unexpectedRows,
        int linearizabilityViolations,
        int undecidedKeys) {

    /** Summarises a run from its history, nemesis report and check results. */
    public static FaultRunSummary of(List<Operation> history, NemesisReport nemesis, CheckResult registers,
            List<SetCheckResult> tables) {
        return new FaultRunSummary(
                history.size(),
                count(history, Outcome.OK),
                count(history, Outcome.FAIL),
                count(history, Outcome.INDETERMINATE),
                nemesis.faultsInjected(),
                tables.stream().mapToLong(t -> t.lost().size()).sum(),
                tables.stream().mapToLong(t -> t.unexpected().size() + t.resurrected().size()).sum(),
                registers.violations().size(),
                registers.unknowns().size());
    }

    /** The totals of this run and {@code other} (e.g. two rounds of a soak). */
    public FaultRunSummary plus(FaultRunSummary other) {
        return new FaultRunSummary(operations + other.operations, acknowledged + other.acknowledged,
                failed + other.failed, indeterminate + other.indeterminate, faultsInjected + other.faultsInjected,
                acknowledgedInsertsLost + other.acknowledgedInsertsLost, unexpectedRows + other.unexpectedRows,
                linearizabilityViolations + other.linearizabilityViolations, undecidedKeys + other.undecidedKeys);
    }

    /** A summary of nothing, to add rounds to. */
    public static FaultRunSummary empty() {
        return new FaultRunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static long count(List<Operation> history, Outcome outcome) {
        return history.stream().filter(op -> op.outcome() == outcome).count();
    }

    /** Whether nothing acknowledged was lost, nothing appeared from nowhere and every key is linearizable. */
    public boolean passed() {
        return acknowledgedInsertsLost == 0 && unexpectedRows == 0 && linearizabilityViolations == 0 && undecidedKeys == 0;
    }

    /** One line for a log or an issue note. */
    public String describe() {
        return String.format(Locale.ROOT,
                "%s: %d operations run (%d ok, %d failed, %d indeterminate), %d faults injected, "
                        + "%d acknowledged inserts lost, %d unexpected rows, %d linearizability violations, %d keys undecided",
                passed() ? "PASSED" : "FAILED", operations, acknowledged, failed, indeterminate, faultsInjected,
                acknowledgedInsertsLost, unexpectedRows, linearizabilityViolations, undecidedKeys);
    }
}
