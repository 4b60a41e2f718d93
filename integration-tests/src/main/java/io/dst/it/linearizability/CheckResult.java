package io.dst.it.linearizability;

import io.dst.it.history.Event;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a linearizability check of a multi-key history: the combined verdict and each key's
 * own result (keys are independent registers, checked separately).
 */
public record CheckResult(Verdict verdict, Map<String, KeyResult> perKey) {

    public CheckResult {
        perKey = Map.copyOf(perKey);
    }

    /** The keys whose sub-histories are not linearizable. */
    public List<KeyResult> violations() {
        return perKey.values().stream().filter(r -> r.verdict() == Verdict.NOT_LINEARIZABLE).toList();
    }

    /** The keys whose search ran out of budget. */
    public List<KeyResult> unknowns() {
        return perKey.values().stream().filter(r -> r.verdict() == Verdict.UNKNOWN).toList();
    }

    /** Whether every key is known to be linearizable. */
    public boolean isLinearizable() {
        return verdict == Verdict.LINEARIZABLE;
    }

    /** A readable report listing every key that is not known to be linearizable. */
    public String describe() {
        return describe(List.of());
    }

    /** As {@link #describe()}, with history notes (e.g. {@code History.notes()}) among the operations. */
    public String describe(List<Event> notes) {
        StringBuilder out = new StringBuilder(verdict + " (" + perKey.size() + " keys)" + System.lineSeparator());
        violations().forEach(r -> out.append(r.describe(notes)));
        unknowns().forEach(r -> out.append(r.describe()));
        return out.toString();
    }
}
