package io.dst.it.dst;

import io.dst.engine.DstException;
import io.dst.it.workload.DefiniteFailure;

/**
 * Decides whether a failed Dst write certainly had no effect. {@code ClusterClient} retries a write
 * only while every attempt was refused before the primary appended it (NOT_PRIMARY, STALE_EPOCH,
 * NOT_ENOUGH_REPLICAS, no live primary, request never sent), and then gives up with "the cluster
 * could not serve partition ..."; any write whose fate is unknown is thrown at once with "may or may
 * not have been applied". So only the first message is a definite failure.
 */
final class WriteRefusals {

    private static final String REFUSED_EVERY_ATTEMPT = "the cluster could not serve partition";
    private static final String UNKNOWN_FATE = "may or may not have been applied";

    private WriteRefusals() {
    }

    /** {@code e} as a {@link DefiniteFailure} when the write was refused on every attempt, else {@code e} itself. */
    static Exception classify(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof DstException && message.startsWith(REFUSED_EVERY_ATTEMPT) && !message.contains(UNKNOWN_FATE)) {
            return new DefiniteFailure(message, e);
        }
        return e;
    }
}
