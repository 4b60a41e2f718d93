package io.dst.it.toy;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A toy node for end-to-end tests of the fault-injection plumbing: a map of string registers and a
 * few sets ("tables") of rows, served over a line protocol ({@code GET k}, {@code PUT k v},
 * {@code CAS k expected new} with {@code -} for "absent", {@code ADD table row}, {@code ROWS table};
 * answers {@code VALUE v}, {@code NIL}, {@code OK}, {@code FAIL}, {@code ROWS r1 r2 ...}).
 *
 * <p>Arguments: {@code port} and a log file, or {@code -} to keep nothing. With a log file every
 * update is written to it (to the operating system, which survives a SIGKILL) before it is
 * acknowledged and replayed at start-up, so the node is linearizable across kill -9; without one, a
 * restart forgets everything, which a checker must catch.
 */
public final class RegisterServerMain {

    private final Map<String, String> registers = new HashMap<>();
    private final Map<String, Set<String>> tables = new HashMap<>();
    private final OutputStream log;

    private RegisterServerMain(Path logFile) throws IOException {
        if (logFile != null) {
            if (Files.exists(logFile)) {
                for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
                    String[] parts = line.split(" ");
                    // A torn last line is an update that was never acknowledged.
                    if (parts.length == 2) {
                        registers.put(parts[0], parts[1]);
                    } else if (parts.length == 3 && parts[0].equals("+")) {
                        tables.computeIfAbsent(parts[1], t -> new TreeSet<>()).add(parts[2]);
                    }
                }
            }
            log = new FileOutputStream(logFile.toFile(), true);
        } else {
            log = null;
        }
    }

    public static void main(String[] args) throws IOException {
        // Do not outlive the test JVM that started us, even if it was killed.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        int port = Integer.parseInt(args[0]);
        RegisterServerMain server = new RegisterServerMain(args[1].equals("-") ? null : Path.of(args[1]));
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        System.out.println("READY port=" + port + " registers=" + server.registers.size());
        while (true) {
            Socket client = socket.accept();
            Thread t = new Thread(() -> server.serve(client), "conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(handle(line.split(" ")));
            }
        } catch (IOException e) {
            // client gone
        }
    }

    private synchronized String handle(String[] request) throws IOException {
        String key = request[1];
        switch (request[0]) {
            case "GET" -> {
                String value = registers.get(key);
                return value == null ? "NIL" : "VALUE " + value;
            }
            case "PUT" -> {
                update(key, request[2]);
                return "OK";
            }
            case "CAS" -> {
                String expected = request[2].equals("-") ? null : request[2];
                if (!Objects.equals(registers.get(key), expected)) {
                    return "FAIL";
                }
                update(key, request[3]);
                return "OK";
            }
            case "ADD" -> {
                if (log != null) {
                    log.write(("+ " + key + " " + request[2] + "\n").getBytes(StandardCharsets.UTF_8));
                }
                tables.computeIfAbsent(key, t -> new TreeSet<>()).add(request[2]);
                return "OK";
            }
            case "ROWS" -> {
                return ("ROWS " + String.join(" ", tables.getOrDefault(key, Set.of()))).trim();
            }
            default -> {
                return "ERROR unknown command " + request[0];
            }
        }
    }

    private void update(String key, String value) throws IOException {
        if (log != null) {
            log.write((key + " " + value + "\n").getBytes(StandardCharsets.UTF_8));
        }
        registers.put(key, value);
    }
}
