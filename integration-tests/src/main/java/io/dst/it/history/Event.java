package io.dst.it.history;

/**
 * One line of a recorded history: either the invocation of an operation or its completion, stamped
 * with the recorder's clock. Events are numbered in the order they were recorded, which agrees with
 * their timestamps.
 */
public record Event(
        long index,
        Type type,
        long operationId,
        int process,
        OpKind kind,
        String key,
        String value,
        String expected,
        Outcome outcome,
        long nanos) {

    /** Whether an event opens or closes an operation. */
    public enum Type {
        INVOKE,
        COMPLETE
    }
}
