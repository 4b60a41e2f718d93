package io.dst.it.nemesis;

import java.time.Duration;

/**
 * A fault as it actually happened: planned and actual offsets from the start of the run (actions
 * such as a restart take time, so later ones may run late), and the error if applying it failed.
 */
public record AppliedFault(Duration plannedAt, Duration appliedAt, Fault fault, String error) {

    /** Whether the action took effect without error. */
    public boolean succeeded() {
        return error == null;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "+%6dms (planned +%dms) %s%s", appliedAt.toMillis(),
                plannedAt.toMillis(), fault, error == null ? "" : "  FAILED: " + error);
    }
}
