package io.dst.it.nemesis;

import java.time.Duration;
import java.util.List;

/**
 * A cluster as the {@link Nemesis} sees it: named nodes it can crash or freeze, and named network
 * links it can break. Implementations map these onto real processes and proxies (for Dst: one
 * {@code JvmProcess} per store node and one {@code FaultyProxy} per link).
 *
 * <p>Contract: every method returns once the fault is in effect ({@link #restart} once the node
 * serves again). The nemesis never calls a disrupting method on a node or link it has already
 * disrupted and not yet recovered, and recovers everything before it finishes.
 */
public interface FaultableCluster {

    /** The node names, in a stable order (the schedule's determinism depends on it). */
    List<String> nodes();

    /** The link names, in a stable order; may be empty. */
    List<String> links();

    /** Crashes {@code node} abruptly (SIGKILL): no shutdown hook runs, memory is lost. */
    void kill(String node) throws Exception;

    /** Starts a killed {@code node} again with its previous identity and data directory. */
    void restart(String node) throws Exception;

    /** Freezes {@code node} (SIGSTOP): it holds its sockets and leases but does nothing. */
    void pause(String node) throws Exception;

    /** Thaws a paused {@code node} (SIGCONT). */
    void resume(String node) throws Exception;

    /** Resets all connections on {@code link} and refuses new ones. */
    void cut(String link) throws Exception;

    /** Silently drops all bytes on {@code link}, so peers see timeouts rather than errors. */
    void blackhole(String link) throws Exception;

    /** Adds {@code latency} in each direction of {@code link}. */
    void delay(String link, Duration latency) throws Exception;

    /** Removes every fault from {@code link}. */
    void heal(String link) throws Exception;
}
