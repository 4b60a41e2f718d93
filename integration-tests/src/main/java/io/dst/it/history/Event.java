package io.dst.it.history;

/**
 * One line of a recorded history: the invocation of an operation, its completion, or a note (such as
 * a fault the nemesis injected), stamped with the recorder's clock. Events are numbered in the order
 * they were recorded, which agrees with their timestamps. A note has operation id and process -1, no
 * kind, key or outcome, and its text in {@code value}.
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

    /** Whether an event opens or closes an operation, or is a note. */
    public enum Type {
        INVOKE,
        COMPLETE,
        NOTE
    }
}
