package io.dst.it.workload;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides how many <em>rounds</em> a fault-injection test runs. A round is one complete run (fresh
 * cluster or fresh keys, workload plus nemesis, then the checks), small enough to check quickly. By
 * default a test runs one round; under {@code -Psoak} (system property {@value #PROPERTY}, in
 * minutes) it keeps starting rounds until that much time has passed, so a long soak is many short,
 * separately checked runs with different seeds rather than one history too big to check.
 */
public final class SoakClock {

    /** System property holding the soak duration in minutes; absent or 0 means one round. */
    public static final String PROPERTY = "dst.it.soak.minutes";

    private final Duration duration;
    private final LongSupplier nanos;
    private final long start;
    private int rounds;

    /** A clock for {@code duration} of rounds, on {@code nanos} (a monotonic clock). */
    public SoakClock(Duration duration, LongSupplier nanos) {
        this.duration = duration;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    /** A clock configured by {@value #PROPERTY}. */
    public static SoakClock fromSystemProperties() {
        String minutes = System.getProperty(PROPERTY, "0").trim();
        return new SoakClock(Duration.ofMinutes(minutes.isEmpty() ? 0 : Long.parseLong(minutes)), System::nanoTime);
    }

    /** Whether to run another round (always yes for the first); counts the rounds it allows. */
    public boolean anotherRound() {
        boolean another = rounds == 0 || nanos.getAsLong() - start < duration.toNanos();
        if (another) {
            rounds++;
        }
        return another;
    }

    /** Rounds started so far. */
    public int rounds() {
        return rounds;
    }

    /** Whether this is a soak (more than a single round may run). */
    public boolean isSoak() {
        return !duration.isZero();
    }
}
