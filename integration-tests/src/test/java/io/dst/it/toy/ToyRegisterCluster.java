package io.dst.it.toy;

import io.dst.it.cluster.ProcessCluster;
import io.dst.it.net.LoopbackPorts;
import io.dst.it.process.JvmSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A cluster of {@link RegisterServerMain} processes, each behind a proxy named {@code client->nX},
 * standing in for Dst store nodes until those exist. Key {@code ki} lives on node {@code i mod size}.
 */
final class ToyRegisterCluster implements AutoCloseable {

    private final ProcessCluster cluster = new ProcessCluster(Pattern.compile("^READY port="), Duration.ofSeconds(60));
    private final int size;

    ToyRegisterCluster(Path dir, int size, boolean durable) throws IOException {
        this.size = size;
        for (int i = 1; i <= size; i++) {
            int port = LoopbackPorts.freePort();
            String data = durable ? dir.resolve("n" + i + ".data").toString() : "-";
            cluster.addNode(JvmSpec.of("n" + i, RegisterServerMain.class, dir.resolve("n" + i + ".log"),
                    Integer.toString(port), data));
            cluster.addLink("client->n" + i, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        cluster.startNodes();
    }

    ProcessCluster processes() {
        return cluster;
    }

    List<String> links() {
        return cluster.links();
    }

    /** The proxy address through which clients reach the node owning {@code key} or table ("k"/"t" + number). */
    InetSocketAddress addressFor(String key) {
        int index = Integer.parseInt(key.substring(1)) % size;
        return cluster.link("client->n" + (index + 1)).address();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
