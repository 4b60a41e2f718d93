package io.dst.it.workload;

import io.dst.it.history.History;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concurrent clients issuing random register and insert operations against a store, recording each
 * one in a {@link History} with the outcome classified per the {@link StoreClient} contract.
 *
 * <p>Terms: client {@code i} starts as process {@code i}; after an operation with an unknown outcome
 * it continues as a new process ({@code i + clients}, ...), as in Jepsen, since the old one may still
 * be in flight. Every value written, CASed or inserted is unique ({@code c<client>-<n>}), which is
 * what lets the checkers tie each read to one write.
 */
public final class Workload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workload.class);

    private final WorkloadOptions options;
    private final History history;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();

    private Workload(WorkloadOptions options, History history) {
        this.options = options;
        this.history = history;
        this.pool = Executors.newFixedThreadPool(options.clients(), r -> {
            Thread t = new Thread(r, "workload-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code options.clients()} clients, client {@code i} using {@code clientFactory.apply(i)}. */
    public static Workload start(WorkloadOptions options, IntFunction<StoreClient> clientFactory, History history) {
        Workload workload = new Workload(options, history);
        for (int i = 0; i < options.clients(); i++) {
            int client = i;
            workload.clients.add(workload.pool.submit(() -> workload.runClient(client, clientFactory)));
        }
        return workload;
    }

    /** Asks the clients to stop after their current operation and waits for them. */
    public void stop(Duration timeout) throws InterruptedException, TimeoutException {
        running.set(false);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<?> f : clients) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a workload client crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until every client has run its maximum number of operations. */
    public void awaitCompletion(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : clients) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a workload client crashed", e.getCause());
            }
        }
    }

    private void runClient(int client, IntFunction<StoreClient> clientFactory) {
        Random random = new Random(options.seed() * 31 + client);
        Map<String, String> lastSeen = new HashMap<>();
        int process = client;
        try (StoreClient store = clientFactory.apply(client)) {
            for (int n = 0; n < options.maxOpsPerClient() && running.get(); n++) {
                String key = "k" + random.nextInt(options.keys());
                String value = "c" + client + "-" + n;
                int roll = random.nextInt(100);
                boolean known;
                if (roll < options.readPercent()) {
                    known = read(store, process, key, lastSeen);
                } else if ((roll -= options.readPercent()) < options.writePercent()) {
                    known = write(store, process, key, value, lastSeen);
                } else if ((roll -= options.writePercent()) < options.casPercent()) {
                    known = cas(store, process, key, lastSeen.get(key), value, lastSeen);
                } else {
                    known = insert(store, process, "t" + random.nextInt(options.tables()), value);
                }
                if (!known) {
                    process += options.clients();
                }
            }
        }
        LOG.debug("workload client {} finished as process {}", client, process);
    }

    private boolean read(StoreClient store, int process, String key, Map<String, String> lastSeen) {
        History.Invocation op = history.invokeRead(process, key);
        try {
            String value = store.read(key);
            op.okRead(value);
            lastSeen.put(key, value);
            return true;
        } catch (DefiniteFailure e) {
            op.fail();
            return true;
        } catch (Exception e) {
            op.indeterminate();
            return false;
        }
    }

    private boolean write(StoreClient store, int process, String key, String value, Map<String, String> lastSeen) {
        History.Invocation op = history.invokeWrite(process, key, value);
        try {
            store.write(key, value);
            op.ok();
            lastSeen.put(key, value);
            return true;
        } catch (DefiniteFailure e) {
            op.fail();
            return true;
        } catch (Exception e) {
            op.indeterminate();
            return false;
        }
    }

    private boolean cas(StoreClient store, int process, String key, String expected, String value,
            Map<String, String> lastSeen) {
        History.Invocation op = history.invokeCas(process, key, expected, value);
        try {
            if (store.compareAndSet(key, expected, value)) {
                op.ok();
                lastSeen.put(key, value);
            } else {
                op.fail();
            }
            return true;
        } catch (DefiniteFailure e) {
            op.fail();
            return true;
        } catch (Exception e) {
            op.indeterminate();
            return false;
        }
    }

    private boolean insert(StoreClient store, int process, String table, String row) {
        History.Invocation op = history.invokeInsert(process, table, row);
        try {
            store.insert(table, row);
            op.ok();
            return true;
        } catch (DefiniteFailure e) {
            op.fail();
            return true;
        } catch (Exception e) {
            op.indeterminate();
            return false;
        }
    }

    /** Stops the clients, waiting up to a minute. */
    @Override
    public void close() throws InterruptedException, TimeoutException {
        stop(Duration.ofMinutes(1));
    }
}
