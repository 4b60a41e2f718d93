package io.dst.it.workload;

import java.util.Set;

/**
 * What a {@link Workload} client does against the store under test; the lead's adapter maps these to
 * Dst commands ({@code str.get/put}, a CAS if the store offers one, table inserts). One instance per
 * workload thread, used by that thread only.
 *
 * <p>Outcome contract: returning normally means acknowledged; throwing {@link DefiniteFailure} means
 * the operation certainly had no effect; throwing anything else (timeouts, connection lost after
 * sending) means it may or may not have taken effect. Getting this classification right is what
 * makes the checkers' verdicts trustworthy: when in doubt, do not claim a definite failure.
 */
public interface StoreClient extends AutoCloseable {

    /** The value of {@code key}, or {@code null} if absent. */
    String read(String key) throws Exception;

    /** Sets {@code key} to {@code value}. */
    void write(String key, String value) throws Exception;

    /**
     * Sets {@code key} to {@code value} if its current value equals {@code expected} ({@code null}:
     * absent); returns false, having changed nothing, if it did not.
     */
    boolean compareAndSet(String key, String expected, String value) throws Exception;

    /** Inserts the row identified by {@code row} into {@code table}. */
    void insert(String table, String row) throws Exception;

    /** The identifiers of all rows of {@code table}: the final read of a set check. */
    Set<String> rows(String table) throws Exception;

    @Override
    void close();
}
