package io.dst.node.rebalance;

import static org.awaitility.Awaitility.await;

import io.dst.engine.api.KvStore;
import io.dst.node.admin.ClusterAdmin;
import io.dst.node.admin.ClusterStatus;
import io.dst.node.admin.StatusReport;
import io.dst.node.event.ClusterEvent;
import io.dst.node.event.ClusterEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared pieces of the move tests: an event recorder and a kv writer running during moves. */
final class ClusterMoves {
  private ClusterMoves() {}

  /** Every cluster event emitted in this JVM while open, in order. */
  static final class Recorder implements AutoCloseable {
    final List<ClusterEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final AutoCloseable handle = ClusterEvents.listen(events::add);

    List<ClusterEvent> named(String name) {
      synchronized (events) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
      }
    }

    List<ClusterEvent> snapshot() {
      synchronized (events) {
        return new ArrayList<>(events);
      }
    }

    @Override
    public void close() throws Exception {
      handle.close();
    }
  }

  /** Writes w0, w1, ... until stopped; remembers what was acknowledged and what failed. */
  static final class Writer implements AutoCloseable {
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    Writer(KvStore kv, String prefix) {
      thread = new Thread(() -> {
        while (!stop.get()) {
          int n = next.getAndIncrement();
          String k = prefix + n;
          try {
            kv.put(k, "v" + n);
            acknowledged.put(k, "v" + n);
          } catch (RuntimeException e) {
            failures.add(k + ": " + e.getMessage());
          }
        }
      }, "move-test-writer-" + prefix);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join(30_000);
    }
  }

  /** Waits until no move is requested and every live replica of every partition is in sync. */
  static void awaitSettled(ClusterAdmin admin, Duration timeout) {
    try {
      await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> settled(admin));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the cluster did not settle within " + timeout + ":\n"
          + StatusReport.format(admin.status()), e);
    }
  }

  private static boolean settled(ClusterAdmin admin) {
    ClusterStatus s = admin.status();
    return s.moving().isEmpty() && s.partitions().stream()
        .allMatch(p -> p.state().hasPrimary() && p.state().isr().containsAll(p.state().replicas()
            .stream().filter(n -> s.nodes().stream().anyMatch(x -> x.id() == n && x.live()))
            .toList()));
  }
}
