package io.dst.it.history;

/**
 * How an operation ended, as far as the client can know. The distinction between FAIL and
 * INDETERMINATE is what makes a history checkable: only FAIL licenses the checker to assume the
 * operation had no effect.
 */
public enum Outcome {
    /** Acknowledged: the operation took effect (for a read, the observed value is known). */
    OK,
    /** Definitely did not take effect (e.g. refused before it was sent, or a CAS whose comparison failed). */
    FAIL,
    /** May or may not have taken effect (timeout, connection lost after sending, or never completed). */
    INDETERMINATE
}
