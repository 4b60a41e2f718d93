package io.dst.it.history;

import java.util.Objects;

/**
 * One client operation with its invocation and completion paired up: the unit the checkers work on.
 *
 * <p>{@code value} is the value written (WRITE, INSERT), the new value (CAS) or the value observed
 * (READ, {@code null} meaning absent or not observed). {@code expected} is only used by CAS. An
 * operation whose outcome is {@link Outcome#INDETERMINATE} has {@code completeNanos ==
 * Long.MAX_VALUE}: it may take effect at any time after its invocation, including never.
 */
public record Operation(
        long id,
        int process,
        OpKind kind,
        String key,
        String value,
        String expected,
        Outcome outcome,
        long invokeNanos,
        long completeNanos) {

    /** Completion time of an operation that may still take effect at any later time. */
    public static final long NEVER = Long.MAX_VALUE;

    public Operation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.INDETERMINATE) {
            completeNanos = NEVER;
        } else if (completeNanos < invokeNanos) {
            throw new IllegalArgumentException("operation " + id + " completes before it is invoked");
        }
    }

    /** Whether this operation is acknowledged. */
    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    /** Whether this operation may or may not have taken effect. */
    public boolean isIndeterminate() {
        return outcome == Outcome.INDETERMINATE;
    }

    /** This operation with another observed or written value; used by tests that mutate histories. */
    public Operation withValue(String newValue) {
        return new Operation(id, process, kind, key, newValue, expected, outcome, invokeNanos, completeNanos);
    }

    /** A short human-readable form such as {@code p3 WRITE k1 := "v5"}. */
    public String describe() {
        String body = switch (kind) {
            case READ -> "READ   " + key + " -> " + quote(value);
            case WRITE -> "WRITE  " + key + " := " + quote(value);
            case CAS -> "CAS    " + key + " " + quote(expected) + " => " + quote(value);
            case INSERT -> "INSERT " + key + " + " + quote(value);
        };
        return "p" + process + " " + body;
    }

    static String quote(String s) {
        return s == null ? "nil" : '"' + s + '"';
    }
}
