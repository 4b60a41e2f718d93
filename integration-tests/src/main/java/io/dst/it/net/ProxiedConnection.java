package io.dst.it.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection through a {@link FaultyProxy}: the accepted client socket, the socket to the
 * target, and a <em>pipe</em> per direction. A pipe is a reader thread that reads chunks and stamps
 * each with its release time (read time plus the link's delay) and a writer thread that forwards
 * chunks in order once released; that way latency is added per chunk without reordering bytes.
 *
 * <p>A connection is <em>damaged</em> once any of its bytes were discarded: its byte stream no longer
 * matches what the sender wrote, so healing the link closes it rather than let a protocol parse
 * garbage.
 */
final class ProxiedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ProxiedConnection.class);
    private static final Chunk END_OF_STREAM = new Chunk(new byte[0], 0);
    private static final Chunk CLOSED = new Chunk(new byte[0], 0);

    private record Chunk(byte[] bytes, long releaseNanos) {
    }

    private final FaultyProxy proxy;
    private final Socket client;
    private final Socket target;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger finishedPipes = new AtomicInteger();
    private final BlockingQueue<Chunk> toTarget = new LinkedBlockingQueue<>();
    private final BlockingQueue<Chunk> toClient = new LinkedBlockingQueue<>();
    private volatile boolean damaged;

    ProxiedConnection(FaultyProxy proxy, Socket client, Socket target) {
        this.proxy = proxy;
        this.client = client;
        this.target = target;
    }

    void start(Executor threads) {
        threads.execute(() -> read(client, toTarget, Direction.TO_TARGET));
        threads.execute(() -> write(toTarget, target, Direction.TO_TARGET));
        threads.execute(() -> read(target, toClient, Direction.TO_CLIENT));
        threads.execute(() -> write(toClient, client, Direction.TO_CLIENT));
    }

    boolean isDamaged() {
        return damaged;
    }

    private void read(Socket from, BlockingQueue<Chunk> queue, Direction direction) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream(); // not closed here: that would close the socket both ways
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    queue.add(END_OF_STREAM);
                    return;
                }
                LinkFaults faults = proxy.faults();
                if (faults.drops(direction)) {
                    drop(n);
                    continue;
                }
                queue.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + faults.delay().toNanos()));
            }
        } catch (IOException e) {
            LOG.debug("{} {} read ended: {}", proxy.name(), direction, e.toString());
            reset();
        }
    }

    private void write(BlockingQueue<Chunk> queue, Socket to, Direction direction) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == CLOSED) {
                    return;
                }
                if (chunk == END_OF_STREAM) {
                    to.shutdownOutput();
                    if (finishedPipes.incrementAndGet() == 2) {
                        close(false);
                    }
                    return;
                }
                long wait = chunk.releaseNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // the injected latency itself
                }
                if (proxy.faults().drops(direction)) {
                    // The link was blackholed while this chunk was in flight.
                    drop(chunk.bytes().length);
                    continue;
                }
                out.write(chunk.bytes());
                out.flush();
                proxy.countForwarded(chunk.bytes().length);
            }
        } catch (IOException e) {
            LOG.debug("{} {} write ended: {}", proxy.name(), direction, e.toString());
            reset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
        }
    }

    private void drop(int bytes) {
        damaged = true;
        proxy.countDropped(bytes);
    }

    /** Closes both sockets abruptly (TCP RST), as a crashed peer or a cut cable would. */
    void reset() {
        close(true);
    }

    private void close(boolean abort) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        toTarget.add(CLOSED);
        toClient.add(CLOSED);
        FaultyProxy.closeQuietly(client, abort);
        FaultyProxy.closeQuietly(target, abort);
        proxy.forget(this);
    }
}
