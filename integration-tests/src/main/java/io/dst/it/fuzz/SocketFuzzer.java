package io.dst.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends malformed inputs to a server, each on a fresh connection (write the input, half-close,
 * read whatever comes back), and checks with a caller-supplied <em>health probe</em> (typically one
 * valid request on a new connection) that the server is still up: "the node stays up and answers a
 * clear error". The run stops at the first failed probe and reports the inputs that may have caused
 * it.
 */
public final class SocketFuzzer {

    private static final Logger LOG = LoggerFactory.getLogger(SocketFuzzer.class);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    /**
     * @param inputs        how many inputs to send
     * @param answerTimeout how long to wait for an answer (and between its bytes)
     * @param probeEvery    probe health after this many inputs (1 pinpoints the culprit exactly)
     * @param answerCheck   which answers are acceptable (e.g. "decodes as an error frame")
     */
    public record Options(int inputs, Duration answerTimeout, int probeEvery, Predicate<byte[]> answerCheck) {

        public Options {
            if (inputs <= 0 || probeEvery <= 0) {
                throw new IllegalArgumentException("inputs and probeEvery must be positive");
            }
        }
    }

    private SocketFuzzer() {
    }

    /** Fuzzes {@code target} with {@code options.inputs()} inputs from {@code mutator}. */
    public static FuzzReport run(InetSocketAddress target, ByteMutator mutator, Options options, Callable<Boolean> healthProbe) {
        int answered = 0;
        int closed = 0;
        int timedOut = 0;
        int refused = 0;
        int rejected = 0;
        byte[] firstRejected = null;
        List<byte[]> sinceProbe = new ArrayList<>();
        int sent = 0;
        while (sent < options.inputs()) {
            byte[] input = mutator.next();
            sinceProbe.add(input);
            sent++;
            Result result = exchange(target, input, options.answerTimeout());
            switch (result.ending()) {
                case ANSWERED -> {
                    answered++;
                    if (!options.answerCheck().test(result.answer())) {
                        rejected++;
                        firstRejected = firstRejected == null ? result.answer() : firstRejected;
                    }
                }
                case CLOSED -> closed++;
                case TIMED_OUT -> timedOut++;
                case REFUSED -> refused++;
            }
            if (sent % options.probeEvery() == 0 || sent == options.inputs()) {
                if (!healthy(healthProbe)) {
                    LOG.warn("server at {} failed its health probe after {} inputs", target, sent);
                    return new FuzzReport(sent, answered, closed, timedOut, refused, rejected, firstRejected, false, sinceProbe);
                }
                sinceProbe.clear();
            }
        }
        return new FuzzReport(sent, answered, closed, timedOut, refused, rejected, firstRejected, true, List.of());
    }

    private static boolean healthy(Callable<Boolean> probe) {
        try {
            return Boolean.TRUE.equals(probe.call());
        } catch (Exception e) {
            LOG.debug("health probe threw", e);
            return false;
        }
    }

    private enum Ending { ANSWERED, CLOSED, TIMED_OUT, REFUSED }

    private record Result(Ending ending, byte[] answer) {
        static Result of(ByteArrayOutputStream answer, Ending otherwise) {
            return answer.size() > 0 ? new Result(Ending.ANSWERED, answer.toByteArray()) : new Result(otherwise, null);
        }
    }

    private static Result exchange(InetSocketAddress target, byte[] input, Duration timeout) {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(target, (int) timeout.toMillis());
            } catch (IOException e) {
                return new Result(Ending.REFUSED, null);
            }
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getOutputStream().write(input);
                socket.shutdownOutput();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                int n;
                while (answer.size() < MAX_ANSWER_BYTES && (n = in.read(buffer)) >= 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return Result.of(answer, Ending.TIMED_OUT);
            } catch (IOException e) {
                // A reset, possibly after a partial answer; the answer still counts if there is one.
                return Result.of(answer, Ending.CLOSED);
            }
            return Result.of(answer, Ending.CLOSED);
        } catch (IOException e) {
            return new Result(Ending.CLOSED, null);
        }
    }
}
