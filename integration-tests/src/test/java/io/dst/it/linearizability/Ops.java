package io.dst.it.linearizability;

import io.dst.it.history.OpKind;
import io.dst.it.history.Operation;
import io.dst.it.history.Outcome;
import java.util.ArrayList;
import java.util.List;

/** A terse builder of hand-written register histories with explicit (logical) times. */
final class Ops {

    private final List<Operation> ops = new ArrayList<>();
    private final String key;

    private Ops(String key) {
        this.key = key;
    }

    static Ops on(String key) {
        return new Ops(key);
    }

    Ops write(int process, String value, long invoke, long complete) {
        return add(process, OpKind.WRITE, value, null, Outcome.OK, invoke, complete);
    }

    Ops read(int process, String observed, long invoke, long complete) {
        return add(process, OpKind.READ, observed, null, Outcome.OK, invoke, complete);
    }

    Ops cas(int process, String expected, String value, long invoke, long complete) {
        return add(process, OpKind.CAS, value, expected, Outcome.OK, invoke, complete);
    }

    Ops indeterminateWrite(int process, String value, long invoke) {
        return add(process, OpKind.WRITE, value, null, Outcome.INDETERMINATE, invoke, Operation.NEVER);
    }

    Ops indeterminateCas(int process, String expected, String value, long invoke) {
        return add(process, OpKind.CAS, value, expected, Outcome.INDETERMINATE, invoke, Operation.NEVER);
    }

    Ops failedWrite(int process, String value, long invoke, long complete) {
        return add(process, OpKind.WRITE, value, null, Outcome.FAIL, invoke, complete);
    }

    Ops timedOutRead(int process, long invoke) {
        return add(process, OpKind.READ, null, null, Outcome.INDETERMINATE, invoke, Operation.NEVER);
    }

    private Ops add(int process, OpKind kind, String value, String expected, Outcome outcome, long invoke, long complete) {
        ops.add(new Operation(ops.size(), process, kind, key, value, expected, outcome, invoke, complete));
        return this;
    }

    List<Operation> build() {
        return List.copyOf(ops);
    }
}
