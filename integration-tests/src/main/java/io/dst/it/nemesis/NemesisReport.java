package io.dst.it.nemesis;

import java.util.List;
import java.util.stream.Collectors;

/** What a nemesis run did: every action applied, in order, with failures kept. */
public record NemesisReport(long seed, List<AppliedFault> applied) {

    public NemesisReport {
        applied = List.copyOf(applied);
    }

    /** Disruptions that took effect: the "faults injected" of a run's summary. */
    public long faultsInjected() {
        return applied.stream().filter(a -> a.succeeded() && a.fault().kind().disrupts()).count();
    }

    /** Actions that threw. */
    public List<AppliedFault> failures() {
        return applied.stream().filter(a -> !a.succeeded()).toList();
    }

    /** One action per line. */
    public String describe() {
        return "nemesis run (seed " + seed + ", " + faultsInjected() + " faults injected, " + failures().size()
                + " failed actions)" + System.lineSeparator()
                + applied.stream().map(a -> "  " + a).collect(Collectors.joining(System.lineSeparator()));
    }
}
