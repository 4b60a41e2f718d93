package io.dst.it.net;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults currently applied to one proxied link. {@code cut}: connections are reset and new ones
 * refused. {@code dropToTarget} / {@code dropToClient}: bytes flowing that way are read and discarded
 * (a blackhole; both set is a full partition). {@code delay}: added latency per direction.
 */
public record LinkFaults(boolean cut, boolean dropToTarget, boolean dropToClient, Duration delay) {

    /** A healthy link. */
    public static final LinkFaults NONE = new LinkFaults(false, false, false, Duration.ZERO);

    public LinkFaults {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
    }

    /** Whether bytes flowing in {@code direction} are discarded. */
    public boolean drops(Direction direction) {
        return direction == Direction.TO_TARGET ? dropToTarget : dropToClient;
    }

    /** Whether any fault is applied. */
    public boolean isHealthy() {
        return equals(NONE);
    }

    LinkFaults withCut() {
        return new LinkFaults(true, dropToTarget, dropToClient, delay);
    }

    LinkFaults withDrop(Direction direction) {
        return direction == Direction.TO_TARGET
                ? new LinkFaults(cut, true, dropToClient, delay)
                : new LinkFaults(cut, dropToTarget, true, delay);
    }

    LinkFaults withDelay(Duration latency) {
        return new LinkFaults(cut, dropToTarget, dropToClient, latency);
    }
}
