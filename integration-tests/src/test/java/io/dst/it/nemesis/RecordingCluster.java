package io.dst.it.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-memory {@link FaultableCluster} that records the actions it receives, checks that they make
 * sense (no double disruption, no recovery of something healthy) and can be told to fail on one target.
 */
final class RecordingCluster implements FaultableCluster {

    private final List<String> nodes;
    private final List<String> links;
    private final List<Fault> received = new ArrayList<>();
    private final Set<String> disrupted = new HashSet<>();
    private final List<String> misuses = new ArrayList<>();
    private volatile String failingTarget;

    RecordingCluster(List<String> nodes, List<String> links) {
        this.nodes = List.copyOf(nodes);
        this.links = List.copyOf(links);
    }

    void failOn(String target) {
        failingTarget = target;
    }

    synchronized List<Fault> received() {
        return List.copyOf(received);
    }

    synchronized Set<String> disrupted() {
        return Set.copyOf(disrupted);
    }

    synchronized List<String> misuses() {
        return List.copyOf(misuses);
    }

    @Override
    public List<String> nodes() {
        return nodes;
    }

    @Override
    public List<String> links() {
        return links;
    }

    private synchronized void record(Fault fault) {
        if (fault.target().equals(failingTarget) && fault.kind().disrupts()) {
            throw new IllegalStateException("injected failure on " + fault.target());
        }
        received.add(fault);
        boolean misuse = fault.kind().disrupts() ? !disrupted.add(fault.target()) : !disrupted.remove(fault.target());
        if (misuse) {
            misuses.add(fault.toString());
        }
    }

    @Override
    public void kill(String node) {
        record(Fault.of(Fault.Kind.KILL, node));
    }

    @Override
    public void restart(String node) {
        record(Fault.of(Fault.Kind.RESTART, node));
    }

    @Override
    public void pause(String node) {
        record(Fault.of(Fault.Kind.PAUSE, node));
    }

    @Override
    public void resume(String node) {
        record(Fault.of(Fault.Kind.RESUME, node));
    }

    @Override
    public void cut(String link) {
        record(Fault.of(Fault.Kind.CUT, link));
    }

    @Override
    public void blackhole(String link) {
        record(Fault.of(Fault.Kind.BLACKHOLE, link));
    }

    @Override
    public void delay(String link, Duration latency) {
        record(new Fault(Fault.Kind.DELAY, link, latency));
    }

    @Override
    public void heal(String link) {
        record(Fault.of(Fault.Kind.HEAL, link));
    }
}
