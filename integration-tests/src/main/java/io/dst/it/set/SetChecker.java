package io.dst.it.set;

import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the rows of a table at the end of a run against the inserts attempted during it: a set
 * (grow-only) check in the Jepsen sense. A row is identified by a string, typically its primary key.
 *
 * <p>Rules: every row of an acknowledged ({@link Outcome#OK}) insert must be present; every present
 * row must have been attempted; a row whose every insert definitely failed ({@link Outcome#FAIL})
 * must be absent; rows of indeterminate inserts may be present or not. A row inserted several times
 * takes the strongest outcome among its inserts (OK, then INDETERMINATE, then FAIL).
 */
public final class SetChecker {

    private SetChecker() {
    }

    /** Checks {@code finalRows} of {@code table} against the INSERT operations on it in {@code history}. */
    public static SetCheckResult check(String table, Collection<Operation> history, Set<String> finalRows) {
        Map<String, Outcome> attempted = new HashMap<>();
        for (Operation op : history) {
            if (op.kind() == OpKind.INSERT && op.key().equals(table)) {
                attempted.merge(op.value(), op.outcome(), SetChecker::strongest);
            }
        }
        Set<String> lost = new TreeSet<>();
        Set<String> resurrected = new TreeSet<>();
        Set<String> indeterminatePresent = new TreeSet<>();
        Set<String> indeterminateAbsent = new TreeSet<>();
        int acknowledged = 0;
        for (Map.Entry<String, Outcome> e : attempted.entrySet()) {
            boolean present = finalRows.contains(e.getKey());
            switch (e.getValue()) {
                case OK -> {
                    acknowledged++;
                    if (!present) {
                        lost.add(e.getKey());
                    }
                }
                case FAIL -> {
                    if (present) {
                        resurrected.add(e.getKey());
                    }
                }
                case INDETERMINATE -> (present ? indeterminatePresent : indeterminateAbsent).add(e.getKey());
            }
        }
        Set<String> unexpected = new TreeSet<>(finalRows);
        unexpected.removeAll(attempted.keySet());
        return new SetCheckResult(table, acknowledged, new TreeSet<>(lost), new TreeSet<>(unexpected),
                new TreeSet<>(resurrected), new TreeSet<>(indeterminatePresent), new TreeSet<>(indeterminateAbsent));
    }

    private static Outcome strongest(Outcome a, Outcome b) {
        if (a == Outcome.OK || b == Outcome.OK) {
            return Outcome.OK;
        }
        return a == Outcome.INDETERMINATE || b == Outcome.INDETERMINATE ? Outcome.INDETERMINATE : Outcome.FAIL;
    }
}
