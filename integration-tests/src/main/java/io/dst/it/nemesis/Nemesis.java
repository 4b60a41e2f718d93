package io.dst.it.nemesis;

import io.dst.it.history.History;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link NemesisSchedule} to a {@link FaultableCluster} on its own thread, at the scheduled
 * times, while the test's clients run. An action that throws is logged and recorded, and the run goes
 * on. {@link #stop()} ends the run early but still recovers whatever is disrupted, so the cluster is
 * always left healthy.
 */
public final class Nemesis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Nemesis.class);

    private final NemesisSchedule schedule;
    private final FaultableCluster cluster;
    private final History history;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<AppliedFault> applied = new ArrayList<>();
    private final Map<String, Fault> outstanding = new LinkedHashMap<>();
    private final CompletableFuture<NemesisReport> done = new CompletableFuture<>();
    private long startNanos;

    private Nemesis(NemesisSchedule schedule, FaultableCluster cluster, History history) {
        this.schedule = schedule;
        this.cluster = cluster;
        this.history = history;
    }

    /** Starts applying {@code schedule} to {@code cluster} in the background. */
    public static Nemesis start(NemesisSchedule schedule, FaultableCluster cluster) {
        return start(schedule, cluster, null);
    }

    /**
     * As {@link #start(NemesisSchedule, FaultableCluster)}, also noting each action in {@code history}
     * (when it begins and when it is in effect) so that rendered histories show the faults.
     */
    public static Nemesis start(NemesisSchedule schedule, FaultableCluster cluster, History history) {
        Nemesis nemesis = new Nemesis(schedule, cluster, history);
        Thread thread = new Thread(nemesis::run, "nemesis-" + schedule.seed());
        thread.setDaemon(true);
        thread.start();
        return nemesis;
    }

    /** Applies {@code schedule} to {@code cluster} on the calling thread and returns what happened. */
    public static NemesisReport run(NemesisSchedule schedule, FaultableCluster cluster) {
        Nemesis nemesis = new Nemesis(schedule, cluster, null);
        nemesis.run();
        return nemesis.done.join();
    }

    private void run() {
        startNanos = System.nanoTime();
        LOG.info("{}", schedule.describe());
        try {
            for (ScheduledFault step : schedule.steps()) {
                long wait = step.at().toNanos() - (System.nanoTime() - startNanos);
                if (stopRequested.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                    break;
                }
                Fault fault = step.fault();
                if (!fault.kind().disrupts() && !outstanding.containsKey(targetKey(fault))) {
                    LOG.warn("nemesis: skipping {}: its disruption did not take effect", fault);
                    continue;
                }
                apply(step.at(), fault);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Whether finished, stopped or interrupted: leave nothing disrupted.
            for (Fault disruption : List.copyOf(outstanding.values())) {
                apply(elapsed(), disruption.recovery());
            }
            NemesisReport report = new NemesisReport(schedule.seed(), applied);
            LOG.info("{}", report.describe());
            done.complete(report);
        }
    }

    private void apply(Duration plannedAt, Fault fault) {
        String error = null;
        LOG.info("nemesis: {}", fault);
        note("nemesis begins: " + fault);
        try {
            fault.applyTo(cluster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e.toString();
        } catch (Exception e) {
            LOG.warn("nemesis: {} failed", fault, e);
            error = e.toString();
        }
        note(error == null ? "nemesis done: " + fault : "nemesis FAILED: " + fault + ": " + error);
        if (!fault.kind().disrupts()) {
            outstanding.remove(targetKey(fault));
        } else if (error == null) {
            outstanding.put(targetKey(fault), fault);
        }
        synchronized (applied) {
            applied.add(new AppliedFault(plannedAt, elapsed(), fault, error));
        }
    }

    private void note(String text) {
        if (history != null) {
            history.note(text);
        }
    }

    private static String targetKey(Fault fault) {
        return (fault.kind().onNode() ? "node:" : "link:") + fault.target();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The actions applied so far. */
    public List<AppliedFault> applied() {
        synchronized (applied) {
            return List.copyOf(applied);
        }
    }

    /** Waits for the schedule (and its final recovery) to finish. */
    public NemesisReport awaitCompletion(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("nemesis failed", e.getCause());
        }
    }

    /** Skips the rest of the schedule; the run still recovers everything it disrupted. */
    public void stop() {
        stopRequested.countDown();
    }

    /** Stops the run and waits (up to a minute) for its recovery to finish. */
    @Override
    public void close() throws InterruptedException, TimeoutException {
        stop();
        awaitCompletion(Duration.ofMinutes(1));
    }
}
