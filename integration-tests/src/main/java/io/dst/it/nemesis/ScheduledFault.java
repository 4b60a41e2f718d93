package io.dst.it.nemesis;

import java.time.Duration;

/** A fault and when to apply it, as an offset from the start of the nemesis run. */
public record ScheduledFault(Duration at, Fault fault) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "+%6dms %s", at.toMillis(), fault);
    }
}
