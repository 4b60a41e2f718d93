package io.dst.it.linearizability;

import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately naive linearizability decision procedure for tiny single-key histories, used as an
 * oracle: try every subset of the indeterminate operations as "took effect" and every order of the
 * chosen operations that respects real time, and replay each order against the register model.
 */
final class BruteForceOracle {

    private BruteForceOracle() {
    }

    static boolean isLinearizable(List<Operation> history) {
        List<Operation> ops = history.stream()
                .filter(op -> op.outcome() != Outcome.FAIL)
                .filter(op -> !(op.kind() == OpKind.READ && op.isIndeterminate()))
                .toList();
        List<Operation> optional = ops.stream().filter(Operation::isIndeterminate).toList();
        List<Operation> required = ops.stream().filter(op -> !op.isIndeterminate()).toList();
        for (int mask = 0; mask < 1 << optional.size(); mask++) {
            List<Operation> chosen = new ArrayList<>(required);
            for (int i = 0; i < optional.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(optional.get(i));
                }
            }
            if (someOrderWorks(chosen, new ArrayList<>(), new boolean[chosen.size()], null)) {
                return true;
            }
        }
        return false;
    }

    private static boolean someOrderWorks(List<Operation> ops, List<Operation> prefix, boolean[] used, String state) {
        if (prefix.size() == ops.size()) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (used[i] || !minimal(ops, used, i)) {
                continue;
            }
            Operation op = ops.get(i);
            Object next = RegisterModel.step(state, op);
            if (next == RegisterModel.ILLEGAL) {
                continue;
            }
            used[i] = true;
            prefix.add(op);
            if (someOrderWorks(ops, prefix, used, (String) next)) {
                return true;
            }
            prefix.remove(prefix.size() - 1);
            used[i] = false;
        }
        return false;
    }

    /** Whether no unused operation completed strictly before {@code ops[i]} was invoked. */
    private static boolean minimal(List<Operation> ops, boolean[] used, int i) {
        for (int j = 0; j < ops.size(); j++) {
            if (!used[j] && j != i && ops.get(j).completeNanos() < ops.get(i).invokeNanos()) {
                return false;
            }
        }
        return true;
    }
}
