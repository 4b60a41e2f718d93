package io.dst.it.linearizability;

import io.dst.it.history.Operation;
import java.util.Objects;

/**
 * The sequential specification of a single-key register holding a string ({@code null} meaning
 * absent, the initial state). {@link #step} answers whether an operation may take effect atomically
 * in a given state and, if so, the state after it.
 *
 * <p>An indeterminate CAS is allowed in any state: when its comparison holds it applies, otherwise it
 * is a no-op. Whether it should have applied at all is handled by the search, which may linearize an
 * indeterminate operation after everything else, where its effect is invisible.
 */
final class RegisterModel {

    /** Marker returned by {@link #step} when the operation cannot take effect in the given state. */
    static final Object ILLEGAL = new Object();

    private RegisterModel() {
    }

    /** The state after {@code op} in {@code state}, or {@link #ILLEGAL}. */
    static Object step(Object state, Operation op) {
        return switch (op.kind()) {
            case READ -> Objects.equals(state, op.value()) ? state : ILLEGAL;
            case WRITE -> op.value();
            case CAS -> {
                boolean matches = Objects.equals(state, op.expected());
                if (matches) {
                    yield op.value();
                }
                yield op.isIndeterminate() ? state : ILLEGAL;
            }
            case INSERT -> throw new IllegalArgumentException("not a register operation: " + op);
        };
    }
}
