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
import java.util.List;
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
 * that a node's session, and with it its primaries' leases, can be cut or delayed on its own.
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
        Files.createDirectories(dir.resolve("zookeeper"));
        InstanceSpec spec = new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, false, 1, 100, 1000);
        DstNodeCluster cluster = new DstNodeCluster(new TestingServer(spec, true), name);
        try {
            for (int i = 1; i <= size; i++) {
                cluster.addNode(dir, i, zkLinks);
            }
            cluster.processes.startNodes();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void addNode(Path dir, int id, boolean zkLink) throws IOException {
        int port = LoopbackPorts.freePort();
        FaultyProxy proxy = processes.addLink("->n" + id, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        String zkConnect = zk.getConnectString();
        if (zkLink) {
            FaultyProxy toZk = processes.addLink("n" + id + "->zk",
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), zk.getPort()));
            zkConnect = "127.0.0.1:" + toZk.port();
        }
        processes.addNode(JvmSpec.of("n" + id, DstNodeMain.class, dir.resolve("n" + id + ".log"),
                "--zk", zkConnect, "--cluster", name, "--port", Integer.toString(port),
                "--host", "127.0.0.1", "--node-id", Integer.toString(id),
                "--data-dir", dir.resolve("n" + id + "-data").toString(),
                "--advertise", "127.0.0.1:" + proxy.port(), "--fast-failover"));
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
