package io.dst.it.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks loopback ports for processes that must keep their port across restarts (so proxies and peers
 * can keep pointing at them). The port is free when returned; another process could take it before
 * it is bound, which on a test machine is rare enough.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A currently free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
