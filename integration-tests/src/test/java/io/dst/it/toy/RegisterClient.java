package io.dst.it.toy;

import io.dst.it.history.History;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A client of {@link RegisterServerMain} that records every operation in a {@link History} and
 * classifies failures the way a checker needs: could not connect means the request was never sent
 * (FAIL); anything going wrong after sending means it may have been applied (INDETERMINATE).
 */
final class RegisterClient implements AutoCloseable {

    private final InetSocketAddress address;
    private final Duration timeout;
    private final History history;
    private Socket socket;
    private BufferedReader in;
    private PrintWriter out;

    RegisterClient(InetSocketAddress address, Duration timeout, History history) {
        this.address = address;
        this.timeout = timeout;
        this.history = history;
    }

    /** Reads {@code key}; returns whether an answer came back. */
    boolean read(int process, String key) {
        History.Invocation op = history.invokeRead(process, key);
        String answer = call(op, "GET " + key);
        if (answer == null) {
            return false;
        }
        op.okRead(answer.equals("NIL") ? null : answer.substring("VALUE ".length()));
        return true;
    }

    /** Writes {@code value} to {@code key}; returns whether the outcome is known. */
    boolean write(int process, String key, String value) {
        History.Invocation op = history.invokeWrite(process, key, value);
        String answer = call(op, "PUT " + key + " " + value);
        if (answer == null) {
            return false;
        }
        op.ok();
        return true;
    }

    /** Compare-and-sets {@code key}; returns whether the outcome is known. */
    boolean cas(int process, String key, String expected, String value) {
        History.Invocation op = history.invokeCas(process, key, expected, value);
        String answer = call(op, "CAS " + key + " " + (expected == null ? "-" : expected) + " " + value);
        if (answer == null) {
            return false;
        }
        if (answer.equals("OK")) {
            op.ok();
        } else {
            op.fail();
        }
        return true;
    }

    /** Inserts {@code row} into {@code table}; returns whether the outcome is known. */
    boolean insert(int process, String table, String row) {
        History.Invocation op = history.invokeInsert(process, table, row);
        String answer = call(op, "ADD " + table + " " + row);
        if (answer == null) {
            return false;
        }
        op.ok();
        return true;
    }

    /** The rows of {@code table} (not recorded in the history: it is the final read of a set check). */
    Optional<Set<String>> rows(String table) {
        try {
            connect();
            out.println("ROWS " + table);
            String answer = in.readLine();
            if (answer == null || !answer.startsWith("ROWS")) {
                throw new IOException("bad answer " + answer);
            }
            String body = answer.substring("ROWS".length()).trim();
            return Optional.of(body.isEmpty() ? Set.of() : Set.of(body.split(" ")));
        } catch (IOException e) {
            close();
            return Optional.empty();
        }
    }

    /** Sends one request; on trouble completes {@code op} as failed or indeterminate and returns null. */
    private String call(History.Invocation op, String request) {
        try {
            connect();
        } catch (IOException e) {
            close();
            op.fail();
            return null;
        }
        try {
            out.println(request);
            String answer = in.readLine();
            if (answer == null || out.checkError()) {
                throw new IOException("connection closed");
            }
            return answer;
        } catch (IOException e) {
            close();
            op.indeterminate();
            return null;
        }
    }

    private void connect() throws IOException {
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
            s.close();
            throw e;
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
