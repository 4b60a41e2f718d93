package io.dst.it.linearizability;

import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a history of single-key register operations (read, write, compare-and-set) is
 * linearizable: that there is one total order of the operations, consistent with real time (an
 * operation that completed before another was invoked comes first), in which every read returns the
 * latest value written.
 *
 * <p>Linearizability is compositional, so each key is checked on its own (P-compositionality), with
 * its own {@link SearchBudget}. Before the search, operations that cannot matter are dropped: a
 * {@link Outcome#FAIL failed} operation had no effect, and an indeterminate read observed nothing.
 * Indeterminate writes and CASes may take effect at any time after their invocation, or never; those
 * whose value nothing observes are dropped too, since "never" always explains them. Operations of
 * other kinds (inserts) are ignored.
 */
public final class LinearizabilityChecker {

    private static final Logger LOG = LoggerFactory.getLogger(LinearizabilityChecker.class);

    private final SearchBudget budget;

    /** A checker with {@link SearchBudget#DEFAULT}. */
    public LinearizabilityChecker() {
        this(SearchBudget.DEFAULT);
    }

    /** A checker that gives each key at most {@code budget}. */
    public LinearizabilityChecker(SearchBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** Checks every key of {@code history} independently. */
    public CheckResult check(Collection<Operation> history) {
        Map<String, List<Operation>> byKey = new TreeMap<>();
        for (Operation op : history) {
            if (op.kind() != OpKind.INSERT) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            }
        }
        Map<String, KeyResult> results = new LinkedHashMap<>();
        Verdict verdict = Verdict.LINEARIZABLE;
        for (Map.Entry<String, List<Operation>> e : byKey.entrySet()) {
            KeyResult result = checkKey(e.getKey(), e.getValue());
            results.put(e.getKey(), result);
            verdict = Verdict.combine(verdict, result.verdict());
            if (result.verdict() != Verdict.LINEARIZABLE) {
                LOG.warn("{}", result.describe());
            }
        }
        return new CheckResult(verdict, results);
    }

    /** Checks the operations of one key. */
    public KeyResult checkKey(String key, Collection<Operation> operations) {
        List<Operation> relevant = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.key().equals(key)) {
                throw new IllegalArgumentException("operation #" + op.id() + " is on key " + op.key() + ", not " + key);
            }
            boolean noEffect = op.outcome() == Outcome.FAIL;
            boolean observedNothing = op.kind() == OpKind.READ && op.isIndeterminate();
            if (!noEffect && !observedNothing) {
                relevant.add(op);
            }
        }
        KeyResult phantom = readOfValueNeverWritten(key, relevant);
        return phantom != null ? phantom : new RegisterSearch(key, withoutUnobservedIndeterminateUpdates(relevant), budget).run();
    }

    /**
     * Drops indeterminate writes and CASes whose value nothing observes: no acknowledged read returned
     * it and no remaining CAS expects it. Such an update can always be linearized last, where it is
     * invisible, so dropping it changes no verdict; but each one kept multiplies the search space, and
     * faults produce many of them (a request sent to a dead node).
     */
    private static List<Operation> withoutUnobservedIndeterminateUpdates(List<Operation> ops) {
        List<Operation> kept = ops;
        while (true) {
            Set<String> observed = new HashSet<>();
            for (Operation op : kept) {
                if (op.kind() == OpKind.READ) {
                    observed.add(op.value());
                } else if (op.kind() == OpKind.CAS) {
                    observed.add(op.expected());
                }
            }
            List<Operation> next = kept.stream()
                    .filter(op -> !(op.isIndeterminate() && op.kind() != OpKind.READ && !observed.contains(op.value())))
                    .toList();
            if (next.size() == kept.size()) {
                return kept;
            }
            kept = next;
        }
    }

    /** A cheap pre-check with a precise explanation for the most blatant violation. */
    private static KeyResult readOfValueNeverWritten(String key, List<Operation> ops) {
        Set<String> written = new HashSet<>();
        for (Operation op : ops) {
            if (op.kind() != OpKind.READ) {
                written.add(op.value());
            }
        }
        for (Operation op : ops) {
            if (op.kind() == OpKind.READ && op.value() != null && !written.contains(op.value())) {
                return new KeyResult(key, Verdict.NOT_LINEARIZABLE, 0,
                        "#" + op.id() + " read " + op.value() + ", a value no write that may have taken effect wrote",
                        ops, List.of(), op);
            }
        }
        return null;
    }
}
