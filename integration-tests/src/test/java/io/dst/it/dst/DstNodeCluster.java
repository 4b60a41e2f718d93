package io.dst.it.dst;

import io.dst.it.cluster.ProcessCluster;
import io.dst.it.nemesis.FaultableCluster;
import io.dst.it.net.FaultyProxy;
import io.dst.it.net.LinkFaults;
import io.dst.it.net.LoopbackPorts;
import io.dst.it.process.JvmSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Dst cluster for fault tests: a ZooKeeper in the test JVM (100 ms ticks, so the nodes' 1.5 s
 * fast-failover sessions are granted) and store nodes {@code n1..nN}, each its own JVM with a fixed
 * port, node id and data directory, advertised through a proxy {@code ->nX}. Clients and peers both
 * reach a node through its proxy, so faulting {@code ->nX} cuts the node off from everyone but
 * ZooKeeper. Optionally each node also reaches ZooKeeper through its own proxy {@code nX->zk}, so
 * that a node's session, and with it its primaries' leases, can be cut or delayed on its own. With
 * {@code peerLinks} each node reaches each peer through a proxy {@code nX->nY} of its own (the node's
 * {@code --peer-address}), so one direction between two nodes can be faulted alone; and a node can run
 * with failpoints ({@code -Ddst.failpoints}) until {@link #restartWithoutFailpoints} replaces it.
 *
 * <p>As a {@link FaultableCluster} it is the process cluster with one difference: a store node exits
 * when it cannot reach ZooKeeper at start-up, so restarting a node whose ZooKeeper link is cut or
 * blackholed heals that link first, as a supervisor retrying until ZooKeeper answers would.
 */
final class DstNodeCluster implements FaultableCluster, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DstNodeCluster.class);

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final TestingServer zk;
    private final String name;
    private final ProcessCluster processes = new ProcessCluster(Pattern.compile("^READY "), STARTUP);
    private final Map<String, JvmSpec> plainSpecs = new ConcurrentHashMap<>();

    private DstNodeCluster(TestingServer zk, String name) {
        this.zk = zk;
        this.name = name;
    }

    /** Starts ZooKeeper and {@code size} nodes under {@code dir}, and waits until each prints READY. */
    static DstNodeCluster start(Path dir, String name, int size) throws Exception {
        return start(dir, name, size, false);
    }

    /** As {@link #start(Path, String, int)}; with {@code zkLinks} each node talks to ZooKeeper through a proxy. */
    static DstNodeCluster start(Path dir, String name, int size, boolean zkLinks) throws Exception {
        return start(dir, name, size, new Options(zkLinks, false, Map.of()));
    }

    /**
     * Which links get proxies and which nodes run failpoints: {@code failpoints} maps a node name
     * ({@code n1}) to its {@code -Ddst.failpoints} value.
     */
    record Options(boolean zkLinks, boolean peerLinks, Map<String, String> failpoints) {
        Options {
            failpoints = Map.copyOf(failpoints);
        }
    }

    /** Starts ZooKeeper and {@code size} nodes as {@code options} say, and waits until each prints READY. */
    static DstNodeCluster start(Path dir, String name, int size, Options options) throws Exception {
        Files.createDirectories(dir.resolve("zookeeper"));
        InstanceSpec spec = new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, false, 1, 100, 1000);
        DstNodeCluster cluster = new DstNodeCluster(new TestingServer(spec, true), name);
        try {
            // Every port first: a node's peer proxies need the other nodes' ports before it starts.
            int[] ports = new int[size + 1];
            for (int i = 1; i <= size; i++) {
                ports[i] = LoopbackPorts.freePort();
            }
            for (int i = 1; i <= size; i++) {
                cluster.addNode(dir, i, ports, options);
            }
            cluster.processes.startNodes();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void addNode(Path dir, int id, int[] ports, Options options) throws IOException {
        int port = ports[id];
        boolean zkLink = options.zkLinks();
        FaultyProxy proxy = processes.addLink("->n" + id, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        String zkConnect = zk.getConnectString();
        if (zkLink) {
            FaultyProxy toZk = processes.addLink("n" + id + "->zk",
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), zk.getPort()));
            zkConnect = "127.0.0.1:" + toZk.port();
        }
        List<String> args = new ArrayList<>(List.of(
                "--zk", zkConnect, "--cluster", name, "--port", Integer.toString(port),
                "--host", "127.0.0.1", "--node-id", Integer.toString(id),
                "--data-dir", dir.resolve("n" + id + "-data").toString(),
                "--advertise", "127.0.0.1:" + proxy.port(), "--fast-failover"));
        if (options.peerLinks()) {
            for (int peer = 1; peer < ports.length; peer++) {
                if (peer != id) {
                    // Straight to the peer's port, not through ->nY, so faulting nX->nY touches that link only.
                    FaultyProxy toPeer = processes.addLink("n" + id + "->n" + peer,
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), ports[peer]));
                    args.add("--peer-address");
                    args.add(peer + "=127.0.0.1:" + toPeer.port());
                }
            }
        }
        String node = "n" + id;
        JvmSpec plain = new JvmSpec(node, DstNodeMain.class.getName(), args, JvmSpec.LEAN_JVM_OPTIONS,
                dir.resolve(node + ".log"));
        plainSpecs.put(node, plain);
        String failpoints = options.failpoints().get(node);
        processes.addNode(failpoints == null ? plain : plain.withJvmOptions("-Ddst.failpoints=" + failpoints));
    }

    /** Restarts a dead {@code node} without its failpoints (and so for good, as later restarts reuse that). */
    void restartWithoutFailpoints(String node) throws IOException {
        processes.restart(node, plainSpecs.get(node));
    }

    /** The node processes and link proxies themselves. */
    ProcessCluster processes() {
        return processes;
    }

    @Override
    public List<String> nodes() {
        return processes.nodes();
    }

    @Override
    public List<String> links() {
        return processes.links();
    }

    @Override
    public void kill(String node) {
        processes.kill(node);
    }

    @Override
    public void restart(String node) throws IOException {
        String zkLink = node + "->zk";
        if (processes.links().contains(zkLink) && blocksConnections(processes.link(zkLink).faults())) {
            LOG.warn("restarting {}: healing {} first, since a node that cannot reach ZooKeeper exits at start-up",
                    node, zkLink);
            processes.heal(zkLink);
        }
        processes.restart(node);
    }

    private static boolean blocksConnections(LinkFaults faults) {
        return faults.cut() || faults.dropToTarget() || faults.dropToClient();
    }

    @Override
    public void pause(String node) {
        processes.pause(node);
    }

    @Override
    public void resume(String node) {
        processes.resume(node);
    }

    @Override
    public void cut(String link) {
        processes.cut(link);
    }

    @Override
    public void blackhole(String link) {
        processes.blackhole(link);
    }

    @Override
    public void delay(String link, Duration latency) {
        processes.delay(link, latency);
    }

    @Override
    public void heal(String link) {
        processes.heal(link);
    }

    String zkConnect() {
        return zk.getConnectString();
    }

    String name() {
        return name;
    }

    /** Kills every node, stops the proxies, then ZooKeeper. */
    @Override
    public void close() throws IOException {
        try {
            processes.close();
        } finally {
            zk.close();
        }
    }
}
