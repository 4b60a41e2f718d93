package io.dst.it.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A timed list of faults generated from a seed: the same seed, topology and options always give the
 * same schedule, so a failing run can be replayed.
 *
 * <p>The generator keeps track of what it has disrupted: it never disrupts a node or link twice
 * without recovering it in between, keeps at most the configured number of nodes and links disrupted
 * at once, and ends with the recovery of everything still disrupted, so that a run always finishes
 * with a healthy cluster that can be read back and checked.
 */
public record NemesisSchedule(long seed, List<ScheduledFault> steps) {

    public NemesisSchedule {
        steps = List.copyOf(steps);
    }

    /** Generates the schedule for {@code nodes} and {@code links} (order matters) from {@code seed}. */
    public static NemesisSchedule generate(long seed, List<String> nodes, List<String> links, NemesisOptions options) {
        Random random = new Random(seed);
        Map<String, Fault> disruptedNodes = new LinkedHashMap<>();
        Map<String, Fault> disruptedLinks = new LinkedHashMap<>();
        List<ScheduledFault> steps = new ArrayList<>();
        long atMillis = 0;
        for (int i = 0; i < options.steps(); i++) {
            atMillis += gap(random, options);
            List<Fault> recoveries = new ArrayList<>();
            disruptedNodes.values().forEach(f -> recoveries.add(f.recovery()));
            disruptedLinks.values().forEach(f -> recoveries.add(f.recovery()));
            List<Fault> disruptions = possibleDisruptions(random, nodes, links, options, disruptedNodes, disruptedLinks);
            if (recoveries.isEmpty() && disruptions.isEmpty()) {
                break;
            }
            boolean recover = disruptions.isEmpty() || (!recoveries.isEmpty() && random.nextBoolean());
            List<Fault> pool = recover ? recoveries : disruptions;
            Fault fault = pool.get(random.nextInt(pool.size()));
            steps.add(new ScheduledFault(Duration.ofMillis(atMillis), fault));
            track(fault, disruptedNodes, disruptedLinks);
        }
        atMillis += gap(random, options);
        for (Fault f : disruptedNodes.values()) {
            steps.add(new ScheduledFault(Duration.ofMillis(atMillis), f.recovery()));
        }
        for (Fault f : disruptedLinks.values()) {
            steps.add(new ScheduledFault(Duration.ofMillis(atMillis), f.recovery()));
        }
        return new NemesisSchedule(seed, steps);
    }

    private static long gap(Random random, NemesisOptions options) {
        return Math.round(options.meanInterval().toMillis() * (0.5 + random.nextDouble()));
    }

    private static List<Fault> possibleDisruptions(Random random, List<String> nodes, List<String> links,
            NemesisOptions options, Map<String, Fault> disruptedNodes, Map<String, Fault> disruptedLinks) {
        List<Fault> possible = new ArrayList<>();
        // Iterate kinds in declaration order, not the set's order, so the result depends only on the seed.
        for (Fault.Kind kind : Fault.Kind.values()) {
            if (!options.kinds().contains(kind)) {
                continue;
            }
            if (kind.onNode() && disruptedNodes.size() < options.maxNodesDisrupted()) {
                nodes.stream().filter(n -> !disruptedNodes.containsKey(n)).forEach(n -> possible.add(Fault.of(kind, n)));
            } else if (!kind.onNode() && disruptedLinks.size() < options.maxLinksDisrupted()) {
                for (String link : links) {
                    if (!disruptedLinks.containsKey(link)) {
                        possible.add(kind == Fault.Kind.DELAY
                                ? new Fault(kind, link, randomLatency(random, options.maxDelay()))
                                : Fault.of(kind, link));
                    }
                }
            }
        }
        return possible;
    }

    private static Duration randomLatency(Random random, Duration max) {
        long maxMillis = Math.max(1, max.toMillis());
        long minMillis = Math.max(1, maxMillis / 10);
        return Duration.ofMillis(minMillis + (long) (random.nextDouble() * (maxMillis - minMillis)));
    }

    private static void track(Fault fault, Map<String, Fault> disruptedNodes, Map<String, Fault> disruptedLinks) {
        Map<String, Fault> disrupted = fault.kind().onNode() ? disruptedNodes : disruptedLinks;
        if (fault.kind().disrupts()) {
            disrupted.put(fault.target(), fault);
        } else {
            disrupted.remove(fault.target());
        }
    }

    /** The time of the last step. */
    public Duration duration() {
        return steps.isEmpty() ? Duration.ZERO : steps.get(steps.size() - 1).at();
    }

    /** Number of disruptions (faults injected) in the schedule. */
    public long disruptions() {
        return steps.stream().filter(s -> s.fault().kind().disrupts()).count();
    }

    /** One step per line, with the seed, for logs and failure messages. */
    public String describe() {
        return "nemesis schedule (seed " + seed + ", " + disruptions() + " faults)" + System.lineSeparator()
                + steps.stream().map(s -> "  " + s).collect(Collectors.joining(System.lineSeparator()));
    }
}
