package io.dst.it.toy;

import io.dst.it.workload.DefiniteFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One line-protocol connection to a {@link RegisterServerMain}, reconnecting lazily. A failure to
 * connect is a {@link DefiniteFailure} (nothing was sent); a failure after sending is an
 * {@link IOException} (the request may have been applied).
 */
final class ToyConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final Duration timeout;
    private Socket socket;
    private BufferedReader in;
    private PrintWriter out;

    ToyConnection(InetSocketAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    String call(String request) throws DefiniteFailure, IOException {
        connect();
        try {
            out.println(request);
            String answer = in.readLine();
            if (answer == null || out.checkError()) {
                throw new IOException("connection closed");
            }
            return answer;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws DefiniteFailure {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.connect(address, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            s.setTcpNoDelay(true);
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
            socket = s;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new DefiniteFailure("cannot connect to " + address, e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // best effort
            }
            socket = null;
        }
    }
}
