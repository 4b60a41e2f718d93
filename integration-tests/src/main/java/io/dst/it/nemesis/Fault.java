package io.dst.it.nemesis;

import java.time.Duration;
import java.util.Objects;

/**
 * One action of the nemesis on one target (a node or a link). Disruptions (kill, pause, cut,
 * blackhole, delay) each have a recovery (restart, resume, heal) that undoes them.
 */
public record Fault(Kind kind, String target, Duration latency) {

    /** The kinds of actions; the first five disrupt, the last three recover. */
    public enum Kind {
        KILL(true, true),
        PAUSE(true, true),
        CUT(true, false),
        BLACKHOLE(true, false),
        DELAY(true, false),
        RESTART(false, true),
        RESUME(false, true),
        HEAL(false, false);

        private final boolean disrupts;
        private final boolean onNode;

        Kind(boolean disrupts, boolean onNode) {
            this.disrupts = disrupts;
            this.onNode = onNode;
        }

        /** Whether this kind injects a fault (rather than undoing one). */
        public boolean disrupts() {
            return disrupts;
        }

        /** Whether this kind targets a node (rather than a link). */
        public boolean onNode() {
            return onNode;
        }
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        if (kind == Kind.DELAY) {
            Objects.requireNonNull(latency, "latency");
        } else {
            latency = null;
        }
    }

    /** A fault of a kind that needs no latency. */
    public static Fault of(Kind kind, String target) {
        return new Fault(kind, target, null);
    }

    /** The action that undoes this disruption. */
    public Fault recovery() {
        return switch (kind) {
            case KILL -> of(Kind.RESTART, target);
            case PAUSE -> of(Kind.RESUME, target);
            case CUT, BLACKHOLE, DELAY -> of(Kind.HEAL, target);
            default -> throw new IllegalStateException(this + " is itself a recovery");
        };
    }

    /** Performs this action on {@code cluster}. */
    public void applyTo(FaultableCluster cluster) throws Exception {
        switch (kind) {
            case KILL -> cluster.kill(target);
            case PAUSE -> cluster.pause(target);
            case CUT -> cluster.cut(target);
            case BLACKHOLE -> cluster.blackhole(target);
            case DELAY -> cluster.delay(target, latency);
            case RESTART -> cluster.restart(target);
            case RESUME -> cluster.resume(target);
            case HEAL -> cluster.heal(target);
        }
    }

    @Override
    public String toString() {
        String base = kind.name().toLowerCase(java.util.Locale.ROOT) + " " + target;
        return latency == null ? base : base + " " + latency.toMillis() + "ms";
    }
}
