package io.dst.it.dst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dst.engine.Partitioner;
import io.dst.engine.log.Mutation;
import io.dst.it.fuzz.ByteMutator;
import io.dst.it.fuzz.FuzzReport;
import io.dst.it.fuzz.SocketFuzzer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a real store node (its own JVM) seeded, mutated frames of its binary protocol, each on a
 * fresh connection: the node must stay up and keep serving every kv partition, whatever it answers
 * must be well-formed response frames (bad frames close the connection), and it must log no error
 * and let no exception escape.
 */
class DstProtocolFuzzTest {

    private static final Logger LOG = LoggerFactory.getLogger(DstProtocolFuzzTest.class);
    private static final long SEED = 7_2026_1123L;
    private static final int INPUTS = 3000;
    private static final Pattern ERROR_LINE = Pattern.compile("^\\[[^]]+\\] ERROR |^Exception in thread");

    @TempDir
    Path dir;

    @Test
    void shouldKeepServingEveryPartitionWhenFedMutatedClientFramesAndResponses() throws Exception {
        fuzz(DstSeedFrames.withoutReplication());
    }

    /**
     * Regression test: before dst-node 6f4e010, a mutated HANDSHAKE/APPEND/INSTALL_SNAPSHOT with a newer epoch
     * demoted a primary for good (this seed hit $kv/0 and $kv/3); see {@link DstForgedReplicationTest}.
     */
    @Test
    void shouldKeepServingEveryPartitionWhenFedMutatedFramesOfEveryFamily() throws Exception {
        fuzz(DstSeedFrames.all());
    }

    private void fuzz(List<byte[]> seeds) throws Exception {
        try (DstNodeCluster cluster = DstNodeCluster.start(dir, "fuzz", 1);
             DstStoreClient client = new DstStoreClient(cluster, Duration.ofSeconds(5))) {
            Map<Integer, String> probes = probeKeys();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                for (String key : probes.values()) {
                    client.write(key, key);
                }
                return true;
            });
            InetSocketAddress node = cluster.processes().link("->n1").target();

            FuzzReport report = SocketFuzzer.run(node, new ByteMutator(SEED, seeds),
                    new SocketFuzzer.Options(INPUTS, Duration.ofSeconds(2), 100, DstProtocolFuzzTest::isResponseFrames),
                    () -> probes.values().stream().allMatch(key -> key.equals(client.read(key))));

            String output = cluster.processes().process("n1").output();
            List<String> errors = errorsWithContext(output);
            LOG.info("fuzzed node with {} inputs (seed {}): {} answered, {} closed silently, {} timed out, "
                    + "{} refused, {} rejected answers; node log: {} WARN lines, {} ERROR or uncaught", report.sent(),
                    SEED, report.answered(), report.closedSilently(), report.timedOut(), report.refused(),
                    report.rejectedAnswers(), output.lines().filter(l -> l.contains(" WARN ")).count(), errors.size());
            assertThat(report.serverSurvived()).as(report::describe).isTrue();
            assertThat(cluster.processes().process("n1").isAlive()).isTrue();
            assertThat(report.sent()).isEqualTo(INPUTS);
            assertThat(report.rejectedAnswers()).as(report::describe).isZero();
            assertThat(report.answered()).as("valid seeds and benign mutations are answered").isPositive();
            assertThat(errors).as("errors logged or exceptions escaping on the node").isEmpty();
        }
    }

    /** Each error line of {@code output} with the few lines after it (the start of its stack trace). */
    private static List<String> errorsWithContext(String output) {
        List<String> lines = output.lines().toList();
        List<String> errors = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (ERROR_LINE.matcher(lines.get(i)).find()) {
                errors.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 8))));
            }
        }
        return errors;
    }

    /** One key in each of the 16 kv partitions, so the probe sees a partition that stopped serving. */
    private static Map<Integer, String> probeKeys() {
        Map<Integer, String> keys = new TreeMap<>();
        for (int i = 0; keys.size() < Mutation.KV_PARTITIONS; i++) {
            keys.putIfAbsent(Partitioner.partitionOf("probe" + i, Mutation.KV_PARTITIONS), "probe" + i);
        }
        return keys;
    }

    /** Whether {@code answer} is a whole number of frames, each an OK (0x01) or ERROR (0x02) response. */
    static boolean isResponseFrames(byte[] answer) {
        ByteBuffer in = ByteBuffer.wrap(answer);
        while (in.hasRemaining()) {
            if (in.remaining() < 4) {
                return false;
            }
            int length = in.getInt();
            if (length < 9 || length > in.remaining()) {
                return false;
            }
            byte op = in.get(in.position());
            if (op != 0x01 && op != 0x02) {
                return false;
            }
            in.position(in.position() + length);
        }
        return true;
    }
}
