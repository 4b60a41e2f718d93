package io.dst.it.linearizability;

import java.time.Duration;

/**
 * How much search one key's check may spend before it gives up with {@link Verdict#UNKNOWN}: a cap on
 * search steps (a step is one attempt to linearize or one backtrack) and on wall-clock time.
 */
public record SearchBudget(long maxSteps, Duration maxTime) {

    /** Generous enough for thousands of operations per key with modest concurrency. */
    public static final SearchBudget DEFAULT = new SearchBudget(50_000_000L, Duration.ofSeconds(20));

    public SearchBudget {
        if (maxSteps <= 0 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("budget must be positive");
        }
    }
}
