package io.dst.it.cluster;

import io.dst.it.nemesis.FaultableCluster;
import io.dst.it.net.FaultyProxy;
import io.dst.it.process.JvmProcess;
import io.dst.it.process.JvmSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FaultableCluster} made of real processes and proxies: each <em>node</em> is a
 * {@link JvmSpec} run as its own JVM, ready once it prints a line matching the cluster's ready
 * pattern; each <em>link</em> is a {@link FaultyProxy} that clients or peers are pointed at instead of
 * the node itself. Restarting a node starts its spec again, with the same arguments (so the same port
 * and data directory), and waits for it to be ready.
 */
public final class ProcessCluster implements FaultableCluster, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCluster.class);

    private final Pattern readyLine;
    private final Duration startupTimeout;
    private final Map<String, JvmSpec> specs = new LinkedHashMap<>();
    private final Map<String, JvmProcess> processes = new LinkedHashMap<>();
    private final Map<String, FaultyProxy> proxies = new LinkedHashMap<>();

    /** An empty cluster whose nodes are ready once they print a line matching {@code readyLine}. */
    public ProcessCluster(Pattern readyLine, Duration startupTimeout) {
        this.readyLine = readyLine;
        this.startupTimeout = startupTimeout;
    }

    /** Adds a node; it is not started until {@link #startNodes()}. */
    public synchronized void addNode(JvmSpec spec) {
        if (specs.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalArgumentException("duplicate node " + spec.name());
        }
    }

    /** Starts every node not yet running, all at once, and waits until each is ready. */
    public synchronized void startNodes() throws IOException {
        List<JvmProcess> started = new ArrayList<>();
        for (JvmSpec spec : specs.values()) {
            if (!processes.containsKey(spec.name())) {
                JvmProcess process = JvmProcess.start(spec);
                processes.put(spec.name(), process);
                started.add(process);
            }
        }
        for (JvmProcess process : started) {
            process.awaitLine(readyLine, startupTimeout);
        }
    }

    /** Starts a proxy named {@code name} in front of {@code target}. */
    public synchronized FaultyProxy addLink(String name, InetSocketAddress target) throws IOException {
        if (proxies.containsKey(name)) {
            throw new IllegalArgumentException("duplicate link " + name);
        }
        FaultyProxy proxy = FaultyProxy.start(name, target);
        proxies.put(name, proxy);
        return proxy;
    }

    /** The running incarnation of {@code node}. */
    public synchronized JvmProcess process(String node) {
        JvmProcess process = processes.get(node);
        if (process == null) {
            throw new NoSuchElementException("no running node " + node);
        }
        return process;
    }

    /** The proxy of {@code link}. */
    public synchronized FaultyProxy link(String link) {
        FaultyProxy proxy = proxies.get(link);
        if (proxy == null) {
            throw new NoSuchElementException("no link " + link);
        }
        return proxy;
    }

    @Override
    public synchronized List<String> nodes() {
        return List.copyOf(specs.keySet());
    }

    @Override
    public synchronized List<String> links() {
        return List.copyOf(proxies.keySet());
    }

    @Override
    public void kill(String node) {
        process(node).kill();
    }

    @Override
    public void restart(String node) throws IOException {
        JvmProcess old = process(node);
        if (old.isAlive()) {
            throw new IllegalStateException(node + " is still running (pid " + old.pid() + ")");
        }
        JvmProcess fresh = JvmProcess.start(old.spec());
        synchronized (this) {
            processes.put(node, fresh);
        }
        fresh.awaitLine(readyLine, startupTimeout);
    }

    /**
     * Restarts a dead {@code node} from {@code spec} instead of its last one, e.g. without the failpoints
     * that crashed it; later restarts reuse {@code spec}.
     */
    public void restart(String node, JvmSpec spec) throws IOException {
        JvmProcess old = process(node);
        if (old.isAlive()) {
            throw new IllegalStateException(node + " is still running (pid " + old.pid() + ")");
        }
        JvmProcess fresh = JvmProcess.start(spec);
        synchronized (this) {
            specs.put(node, spec);
            processes.put(node, fresh);
        }
        fresh.awaitLine(readyLine, startupTimeout);
    }

    @Override
    public void pause(String node) {
        process(node).pause();
    }

    @Override
    public void resume(String node) {
        process(node).resume();
    }

    @Override
    public void cut(String link) {
        link(link).cut();
    }

    @Override
    public void blackhole(String link) {
        link(link).blackhole();
    }

    @Override
    public void delay(String link, Duration latency) {
        link(link).delay(latency);
    }

    @Override
    public void heal(String link) {
        link(link).heal();
    }

    /** Closes every proxy and kills every node. */
    @Override
    public synchronized void close() {
        proxies.values().forEach(FaultyProxy::close);
        for (JvmProcess process : processes.values()) {
            try {
                process.close();
            } catch (RuntimeException e) {
                LOG.warn("could not kill {}", process, e);
            }
        }
    }
}
