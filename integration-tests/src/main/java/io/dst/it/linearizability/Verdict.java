package io.dst.it.linearizability;

/**
 * The answer of a linearizability check. UNKNOWN is an honest "the search budget ran out before an
 * answer was found", never a guess.
 */
public enum Verdict {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    UNKNOWN;

    /** The combined verdict of independent checks: any violation wins, then any unknown. */
    static Verdict combine(Verdict a, Verdict b) {
        if (a == NOT_LINEARIZABLE || b == NOT_LINEARIZABLE) {
            return NOT_LINEARIZABLE;
        }
        if (a == UNKNOWN || b == UNKNOWN) {
            return UNKNOWN;
        }
        return LINEARIZABLE;
    }
}
