package io.dst.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketFuzzerTest {

    private static final byte[] PING = "PING".getBytes(StandardCharsets.US_ASCII);
    private static final List<byte[]> SEEDS = List.of(
            HexFormat.of().parseHex("0000000501" + "68656c6c6f"),
            HexFormat.of().parseHex("0000000002"),
            PING);
    private static final SocketFuzzer.Options OPTIONS =
            new SocketFuzzer.Options(300, Duration.ofSeconds(2), 10, answer -> startsWith(answer, "ERR") || startsWith(answer, "PONG"));

    @Test
    void shouldReportSurvivalWhenServerAnswersEveryInputWithAnError() throws IOException {
        try (FrameServer server = new FrameServer(input -> Arrays.equals(input, PING) ? bytes("PONG") : bytes("ERR bad frame"))) {
            FuzzReport report = SocketFuzzer.run(server.address(), new ByteMutator(1, SEEDS), OPTIONS, () -> ping(server.address()));

            assertThat(report.serverSurvived()).as(report::describe).isTrue();
            assertThat(report.sent()).isEqualTo(300);
            assertThat(report.answered()).isEqualTo(300);
            assertThat(report.rejectedAnswers()).isZero();
            assertThat(report.suspects()).isEmpty();
        }
    }

    @Test
    void shouldStopAndNameSuspectInputsWhenServerDies() throws IOException {
        // This server dies on any input holding two 0xFF bytes in a row, as a length field of -1 would.
        try (FrameServer server = new FrameServer(input -> containsFfFf(input) ? null
                : Arrays.equals(input, PING) ? bytes("PONG") : bytes("ERR bad frame"))) {
            FuzzReport report = SocketFuzzer.run(server.address(), new ByteMutator(2, SEEDS),
                    new SocketFuzzer.Options(2000, Duration.ofSeconds(2), 1, a -> true), () -> ping(server.address()));

            assertThat(report.serverSurvived()).isFalse();
            assertThat(report.sent()).isLessThan(2000);
            assertThat(report.suspects()).hasSize(1);
            assertThat(containsFfFf(report.suspects().get(0))).isTrue();
            assertThat(report.describe()).contains("server BROKE").contains("ff ff");
        }
    }

    @Test
    void shouldCountAnswersTheCheckRejectsAndSilentCloses() throws IOException {
        // Echoes short inputs back (not a proper error) and hangs up without a word on long ones.
        try (FrameServer server = new FrameServer(input -> Arrays.equals(input, PING) ? bytes("PONG")
                : input.length > 8 ? new byte[0] : input.length == 0 ? bytes("ERR empty") : input)) {
            FuzzReport report = SocketFuzzer.run(server.address(), new ByteMutator(3, SEEDS), OPTIONS, () -> ping(server.address()));

            assertThat(report.serverSurvived()).isTrue();
            assertThat(report.rejectedAnswers()).isPositive();
            assertThat(report.firstRejectedAnswer()).isNotNull();
            assertThat(report.closedSilently()).isPositive();
            assertThat(report.answered() + report.closedSilently()).isEqualTo(300);
        }
    }

    @Test
    void shouldGenerateTheSameVariedInputsFromTheSameSeed() {
        ByteMutator first = new ByteMutator(42, SEEDS);
        ByteMutator second = new ByteMutator(42, SEEDS);
        Set<String> distinct = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            byte[] a = first.next();
            assertThat(second.next()).isEqualTo(a);
            distinct.add(HexFormat.of().formatHex(a));
        }

        assertThat(distinct).hasSizeGreaterThan(500);
    }

    private static boolean ping(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write(PING);
            socket.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.US_ASCII).equals("PONG");
        }
    }

    private static boolean containsFfFf(byte[] input) {
        for (int i = 0; i + 1 < input.length; i++) {
            if (input[i] == (byte) 0xFF && input[i + 1] == (byte) 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] answer, String prefix) {
        return new String(answer, StandardCharsets.US_ASCII).startsWith(prefix);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
