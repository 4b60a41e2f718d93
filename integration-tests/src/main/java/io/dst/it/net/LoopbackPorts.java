package io.dst.it.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks loopback ports for processes that must keep their port across restarts (so proxies and peers
 * can keep pointing at them). The port is checked free when returned and bound later by a child
 * process, so it is taken from below the kernel's ephemeral range (Linux starts it at 32768): in
 * between, an outgoing connection anywhere on the machine could otherwise be given the same port.
 * A port is handed out at most once per JVM.
 */
public final class LoopbackPorts {
    private static final int FIRST = 20_000;
    private static final int END = 32_768;
    private static final int ATTEMPTS = 1_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A currently free TCP port on the loopback interface, outside the ephemeral range. */
    public static int freePort() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, END);
            if (HANDED_OUT.add(port)) {
                if (bindable(port)) {
                    return port;
                }
                HANDED_OUT.remove(port);
            }
        }
        throw new IllegalStateException("no free loopback port in [" + FIRST + ", " + END + ") after "
                + ATTEMPTS + " attempts");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
