package io.dst.it.linearizability;

import io.dst.it.history.Event;
import io.dst.it.history.HistoryRenderer;
import io.dst.it.history.Operation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of checking one key's sub-history.
 *
 * <p>{@code operations} is the sub-history that was searched (failed operations and indeterminate
 * reads removed). For a violation, {@code longestLinearization} is the longest prefix the search could
 * order legally and {@code stuckAt} the operation that had to be linearized next but could not be:
 * reading the history around it usually shows the bug.
 */
public record KeyResult(
        String key,
        Verdict verdict,
        long steps,
        String explanation,
        List<Operation> operations,
        List<Operation> longestLinearization,
        Operation stuckAt) {

    /** A readable report: verdict, explanation, the longest legal order found and the sub-history. */
    public String describe() {
        return describe(List.of());
    }

    /** As {@link #describe()}, with history notes (e.g. injected faults) shown among the operations. */
    public String describe(List<Event> notes) {
        StringBuilder out = new StringBuilder();
        out.append("key ").append(key).append(": ").append(verdict).append(" after ").append(steps)
                .append(" search steps, ").append(operations.size()).append(" operations");
        if (explanation != null) {
            out.append(" - ").append(explanation);
        }
        out.append(System.lineSeparator());
        if (verdict == Verdict.NOT_LINEARIZABLE) {
            if (!longestLinearization.isEmpty()) {
                out.append(" longest legal order found: ")
                        .append(longestLinearization.stream().map(op -> "#" + op.id()).collect(Collectors.joining(" ")))
                        .append(System.lineSeparator());
            }
            Set<Long> marked = stuckAt == null ? Set.of() : Set.of(stuckAt.id());
            out.append(HistoryRenderer.renderOperations(operations, marked, "cannot be linearized", notes));
        }
        return out.toString();
    }
}
