package io.dst.node.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits {@link ClusterEvent}s as single {@code event=... key=value} log lines on the logger
 * {@code io.dst.node.events}, so an operator can follow a failover or a rebalance with grep, and
 * hands them to in-process listeners (tests, and later metrics).
 */
public final class ClusterEvents {
  private static final Logger log = LoggerFactory.getLogger("io.dst.node.events");
  private static final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();

  private ClusterEvents() {}

  /** An expected step (move started, replica caught up, leader handed over). */
  public static void info(String name, Object... keyValues) {
    ClusterEvent e = event(name, keyValues);
    log.info(e.line());
    notifyListeners(e);
  }

  /** Something an operator should look at (failover, in-sync set shrank, move aborted). */
  public static void warn(String name, Object... keyValues) {
    ClusterEvent e = event(name, keyValues);
    log.warn(e.line());
    notifyListeners(e);
  }

  /** Registers a listener until the returned handle is closed. */
  public static AutoCloseable listen(Consumer<ClusterEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private static ClusterEvent event(String name, Object[] kv) {
    if (kv.length % 2 != 0) {
      throw new IllegalArgumentException("event " + name + ": keys and values must pair up");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      fields.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
    }
    return new ClusterEvent(name, fields);
  }

  private static void notifyListeners(ClusterEvent e) {
    for (Consumer<ClusterEvent> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        log.debug("event listener failed on {}: {}", e.name(), ex.toString());
      }
    }
  }
}
