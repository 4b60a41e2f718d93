package io.dst.it.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy for one network <em>link</em> that can misbehave on command: it listens on a loopback
 * port and forwards each accepted connection to a fixed target, applying the link's current
 * {@link LinkFaults}.
 *
 * <ul>
 *   <li>{@link #cut()}: resets every open connection and resets new ones right after accepting them,
 *       like a peer that is gone;</li>
 *   <li>{@link #blackhole()}: accepts and keeps connections but silently discards bytes, like a
 *       partition in which packets are dropped (clients see timeouts, not errors);</li>
 *   <li>{@link #delay(Duration)}: adds latency to every chunk in each direction;</li>
 *   <li>{@link #heal()}: removes all faults, and closes connections that lost bytes to a blackhole,
 *       since their byte streams are no longer intact.</li>
 * </ul>
 *
 * <p>Control methods are meant for the test thread and take effect immediately. The proxy uses plain
 * blocking sockets, four daemon threads per connection: simple, and ample for test clusters.
 */
public final class FaultyProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultyProxy.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final String name;
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong forwardedBytes = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();
    private volatile LinkFaults faults = LinkFaults.NONE;
    private volatile boolean closed;

    private FaultyProxy(String name, InetSocketAddress target, ServerSocket server) {
        this.name = name;
        this.target = target;
        this.server = server;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "proxy-" + name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a proxy for link {@code name} on an ephemeral loopback port, forwarding to {@code target}. */
    public static FaultyProxy start(String name, InetSocketAddress target) throws IOException {
        return start(name, 0, target);
    }

    /** Starts a proxy for link {@code name} on loopback port {@code port} (0: any), forwarding to {@code target}. */
    public static FaultyProxy start(String name, int port, InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        FaultyProxy proxy = new FaultyProxy(Objects.requireNonNull(name, "name"), Objects.requireNonNull(target, "target"), server);
        proxy.threads.execute(proxy::acceptLoop);
        LOG.info("proxy {} listening on {} -> {}", name, server.getLocalPort(), target);
        return proxy;
    }

    /** The link's name. */
    public String name() {
        return name;
    }

    /** The loopback port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** The address clients connect to. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** The address connections are forwarded to. */
    public InetSocketAddress target() {
        return target;
    }

    /** The faults currently applied. */
    public LinkFaults faults() {
        return faults;
    }

    /** Resets all open connections and refuses new ones until {@link #heal()}. */
    public void cut() {
        faults = faults.withCut();
        LOG.info("proxy {}: cut ({} connections reset)", name, connections.size());
        connections.forEach(ProxiedConnection::reset);
    }

    /** Discards bytes in both directions until {@link #heal()}. */
    public void blackhole() {
        faults = faults.withDrop(Direction.TO_TARGET).withDrop(Direction.TO_CLIENT);
        LOG.info("proxy {}: blackhole", name);
    }

    /** Discards bytes flowing in {@code direction} only: a one-way partition. */
    public void blackhole(Direction direction) {
        faults = faults.withDrop(direction);
        LOG.info("proxy {}: blackhole {}", name, direction);
    }

    /** Adds {@code latency} to every chunk in each direction (replacing any earlier delay). */
    public void delay(Duration latency) {
        faults = faults.withDelay(latency);
        LOG.info("proxy {}: delay {}", name, latency);
    }

    /** Removes all faults; closes connections whose streams lost bytes to a blackhole. */
    public void heal() {
        faults = LinkFaults.NONE;
        int damaged = 0;
        for (ProxiedConnection connection : connections) {
            if (connection.isDamaged()) {
                connection.reset();
                damaged++;
            }
        }
        LOG.info("proxy {}: healed ({} damaged connections closed)", name, damaged);
    }

    /** Open proxied connections. */
    public int connectionCount() {
        return connections.size();
    }

    /** Bytes forwarded so far, both directions. */
    public long forwardedBytes() {
        return forwardedBytes.get();
    }

    /** Bytes discarded by blackholes so far, both directions. */
    public long droppedBytes() {
        return droppedBytes.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("proxy {}: accept failed", name, e);
                }
                return;
            }
            if (faults.cut()) {
                closeQuietly(client, true);
                continue;
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            LOG.debug("proxy {}: target {} unreachable: {}", name, target, e.toString());
            closeQuietly(upstream, true);
            closeQuietly(client, true);
            return;
        }
        ProxiedConnection connection = new ProxiedConnection(this, client, upstream);
        connections.add(connection);
        if (faults.cut() || closed) {
            // cut() or close() ran while we were connecting and could not see this connection.
            connection.reset();
            return;
        }
        connection.start(threads);
    }

    void forget(ProxiedConnection connection) {
        connections.remove(connection);
    }

    void countForwarded(int bytes) {
        forwardedBytes.addAndGet(bytes);
    }

    void countDropped(int bytes) {
        droppedBytes.addAndGet(bytes);
    }

    static void closeQuietly(Socket socket, boolean abort) {
        try {
            if (abort && !socket.isClosed()) {
                socket.setSoLinger(true, 0); // close with RST, not FIN
            }
        } catch (SocketException ignored) {
            // already closed or never connected; nothing to reset
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    /** Stops listening and resets every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
        connections.forEach(ProxiedConnection::reset);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultyProxy[" + name + " " + port() + " -> " + target + " " + faults + "]";
    }
}
