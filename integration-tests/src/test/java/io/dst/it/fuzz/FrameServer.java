package io.dst.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.UnaryOperator;

/**
 * A loopback server for fuzzer tests: reads each connection's bytes to the end, answers with
 * {@code handler(input)}; a handler returning null makes the whole server die, as a crashing node would.
 */
final class FrameServer implements AutoCloseable {

    private final ServerSocket server;
    private final UnaryOperator<byte[]> handler;

    FrameServer(UnaryOperator<byte[]> handler) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.handler = handler;
        Thread t = new Thread(this::serve, "frame-server");
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream input = new ByteArrayOutputStream();
                in.transferTo(input);
                byte[] answer = handler.apply(input.toByteArray());
                if (answer == null) {
                    server.close();
                    return;
                }
                socket.getOutputStream().write(answer);
            } catch (IOException e) {
                // one bad connection does not stop the server
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
