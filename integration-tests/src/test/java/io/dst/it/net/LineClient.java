package io.dst.it.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A blocking line client with a read timeout, for poking at a proxy. */
final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    LineClient(InetSocketAddress address, Duration readTimeout) throws IOException {
        socket = new Socket();
        socket.connect(address, 2_000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Sends a line and waits at most {@code timeout} for the answer. */
    String roundTrip(String line, Duration timeout) throws IOException {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            return roundTrip(line);
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(previous);
            }
        }
    }

    /** Sends a line and returns the answer; throws on timeout, reset or end of stream. */
    String roundTrip(String line) throws IOException {
        out.println(line);
        if (out.checkError()) {
            throw new IOException("write failed");
        }
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("end of stream");
        }
        return answer;
    }

    /** Whether a fresh connection to {@code address} echoes a line within the timeout. */
    static boolean echoes(InetSocketAddress address, Duration timeout) {
        try (LineClient client = new LineClient(address, timeout)) {
            return "ping".equals(client.roundTrip("ping"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
