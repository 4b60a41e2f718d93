package io.dst.it.workload;

/**
 * Thrown by a {@link StoreClient} when an operation certainly had no effect: the request was never
 * sent, or the store refused it before applying anything (e.g. "not the primary", "below minimum
 * in-sync replicas"). Any other exception means the outcome is unknown.
 */
public final class DefiniteFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public DefiniteFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public DefiniteFailure(String message) {
        super(message);
    }
}
