package io.dst.it.dst;

import io.dst.it.cluster.ProcessCluster;
import io.dst.it.net.FaultyProxy;
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

/**
 * A real Dst cluster for fault tests: a ZooKeeper in the test JVM (100 ms ticks, so the nodes' 1.5 s
 * fast-failover sessions are granted) and store nodes {@code n1..nN}, each its own JVM with a fixed
 * port, node id and data directory, advertised through a proxy {@code ->nX}. Clients and peers both
 * reach a node through its proxy, so faulting {@code ->nX} cuts the node off from everyone but
 * ZooKeeper.
 */
final class DstNodeCluster implements AutoCloseable {

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
        Files.createDirectories(dir.resolve("zookeeper"));
        InstanceSpec spec = new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, false, 1, 100, 1000);
        DstNodeCluster cluster = new DstNodeCluster(new TestingServer(spec, true), name);
        try {
            for (int i = 1; i <= size; i++) {
                cluster.addNode(dir, i);
            }
            cluster.processes.startNodes();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void addNode(Path dir, int id) throws IOException {
        int port = LoopbackPorts.freePort();
        FaultyProxy proxy = processes.addLink("->n" + id, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        processes.addNode(JvmSpec.of("n" + id, DstNodeMain.class, dir.resolve("n" + id + ".log"),
                "--zk", zk.getConnectString(), "--cluster", name, "--port", Integer.toString(port),
                "--host", "127.0.0.1", "--node-id", Integer.toString(id),
                "--data-dir", dir.resolve("n" + id + "-data").toString(),
                "--advertise", "127.0.0.1:" + proxy.port(), "--fast-failover"));
    }

    /** The nodes and links, as the nemesis sees them. */
    ProcessCluster processes() {
        return processes;
    }

    List<String> links() {
        return processes.links();
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
