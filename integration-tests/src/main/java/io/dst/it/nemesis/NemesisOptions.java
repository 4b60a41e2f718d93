package io.dst.it.nemesis;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Knobs for generating a {@link NemesisSchedule}.
 *
 * @param steps             actions to schedule before the final recovery (disruptions and recoveries)
 * @param meanInterval      mean time between actions; each gap is uniform in [0.5, 1.5] times this
 * @param maxNodesDisrupted most nodes down or paused at once (1 keeps a 3-node cluster available)
 * @param maxLinksDisrupted most links faulty at once
 * @param maxDelay          upper bound of an injected link latency (the lower bound is a tenth of it)
 * @param kinds             the disruption kinds to use
 */
public record NemesisOptions(
        int steps,
        Duration meanInterval,
        int maxNodesDisrupted,
        int maxLinksDisrupted,
        Duration maxDelay,
        Set<Fault.Kind> kinds) {

    public NemesisOptions {
        kinds = Set.copyOf(kinds);
        if (kinds.stream().anyMatch(k -> !k.disrupts())) {
            throw new IllegalArgumentException("only disruptions can be chosen; recoveries follow them: " + kinds);
        }
        if (steps < 0 || maxNodesDisrupted < 0 || maxLinksDisrupted < 0 || meanInterval.isNegative()) {
            throw new IllegalArgumentException("negative option");
        }
    }

    /** Every disruption kind, one node and one link at a time. */
    public static NemesisOptions defaults(int steps, Duration meanInterval) {
        return new NemesisOptions(steps, meanInterval, 1, 1, Duration.ofMillis(200),
                EnumSet.of(Fault.Kind.KILL, Fault.Kind.PAUSE, Fault.Kind.CUT, Fault.Kind.BLACKHOLE, Fault.Kind.DELAY));
    }
}
