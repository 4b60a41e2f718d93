package io.dst.it.set;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The outcome of a {@link SetChecker} check of one table.
 *
 * <p>{@code lost}: acknowledged inserts missing at the end. {@code unexpected}: rows present that no
 * insert ever attempted. {@code resurrected}: rows present whose every insert definitely failed.
 * These three are violations. {@code indeterminatePresent} / {@code indeterminateAbsent}: rows from
 * inserts with unknown outcome, either way allowed, reported for the run's statistics.
 */
public record SetCheckResult(
        String table,
        int acknowledged,
        SortedSet<String> lost,
        SortedSet<String> unexpected,
        SortedSet<String> resurrected,
        SortedSet<String> indeterminatePresent,
        SortedSet<String> indeterminateAbsent) {

    public SetCheckResult {
        lost = frozen(lost);
        unexpected = frozen(unexpected);
        resurrected = frozen(resurrected);
        indeterminatePresent = frozen(indeterminatePresent);
        indeterminateAbsent = frozen(indeterminateAbsent);
    }

    private static SortedSet<String> frozen(Set<String> rows) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(rows));
    }

    /** Whether no acknowledged insert was lost and no row appeared from nowhere. */
    public boolean isValid() {
        return lost.isEmpty() && unexpected.isEmpty() && resurrected.isEmpty();
    }

    /** A readable summary naming every violating row. */
    public String describe() {
        return "table " + table + ": " + (isValid() ? "valid" : "INVALID")
                + ", acknowledged=" + acknowledged
                + ", lost=" + lost
                + ", unexpected=" + unexpected
                + ", presentDespiteFailedInsert=" + resurrected
                + ", indeterminate present/absent=" + indeterminatePresent.size() + "/" + indeterminateAbsent.size();
    }
}
