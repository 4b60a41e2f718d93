package io.dst.it.dst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.log.Mutation;
import io.dst.node.protocol.ReplicationRequest;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reduction of what the protocol fuzzer found: a single replication frame naming a newer epoch than
 * the partition's (here a handshake from a node that does not exist) must not take a serving primary
 * out of service; ZooKeeper, not the message, is the authority on who is primary (rule 1). Failed
 * (the primary stepped down and answered NOT_PRIMARY for good) until dst-node 6f4e010.
 */
class DstForgedReplicationTest {

    private static final String KEY = "forged";

    @TempDir
    Path dir;

    @Test
    void shouldKeepServingPartitionAfterHandshakeFromUnknownPrimaryWithNewerEpoch() throws Exception {
        try (DstNodeCluster cluster = DstNodeCluster.start(dir, "forged", 1);
             DstStoreClient client = new DstStoreClient(cluster, Duration.ofSeconds(5))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                client.write(KEY, "v1");
                return true;
            });
            PartitionId partition = new PartitionId(PartitionId.KV_TABLE, Partitioner.partitionOf(KEY, Mutation.KV_PARTITIONS));

            send(cluster.processes().link("->n1").target(),
                    DstSeedFrames.encode(List.of(new ReplicationRequest.Handshake(1, partition, 1_000_000, 99))).get(0));

            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(client.read(KEY)).isEqualTo("v1"));
        }
    }

    private static void send(InetSocketAddress node, byte[] frame) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(node, 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(frame);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        }
    }
}
