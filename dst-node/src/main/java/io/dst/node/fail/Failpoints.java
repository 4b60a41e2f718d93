package io.dst.node.fail;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named failpoints in the node's critical steps, switched on by tests. When none is enabled, {@link
 * #hit} costs one read of a static volatile boolean and a never-taken branch, which the JIT
 * compiles to a plain load (no lock, no map lookup): in effect a no-op. They are enabled at class
 * init by {@code -Ddst.failpoints=name=action[,name=action]} (actions: see {@link FailpointAction})
 * or, for in-process tests, by {@link #enable} and {@link #clear}.
 */
public final class Failpoints {
  /** The system property read once at class init. */
  public static final String PROPERTY = "dst.failpoints";

  private static final Logger log = LoggerFactory.getLogger(Failpoints.class);
  private static final Map<String, Armed> ARMED = new ConcurrentHashMap<>();
  /** The fast-path guard: false unless some failpoint is enabled, so hits stay cheap when off. */
  private static volatile boolean anyEnabled;

  static {
    String spec = System.getProperty(PROPERTY, "");
    if (!spec.isBlank()) {
      parse(spec).forEach(Failpoints::enable);
    }
  }

  private Failpoints() {}

  private record Armed(FailpointAction action, AtomicBoolean fired) {}

  /** Runs the action of failpoint {@code name} if it is enabled; nothing otherwise. */
  public static void hit(String name) {
    if (anyEnabled) {
      fire(name);
    }
  }

  /** Enables failpoint {@code name} with {@code action}, replacing any earlier action. */
  public static void enable(String name, FailpointAction action) {
    ARMED.put(name, new Armed(action, new AtomicBoolean()));
    anyEnabled = true;
    log.warn("failpoint {} enabled: {}", name, action);
  }

  /** As {@link #enable(String, FailpointAction)} with an action in text form, e.g. {@code pause:200}. */
  public static void enable(String name, String action) {
    enable(name, FailpointAction.parse(action));
  }

  /** Disables every failpoint. */
  public static void clear() {
    anyEnabled = false;
    ARMED.clear();
  }

  /** Whether any failpoint is enabled. */
  public static boolean anyEnabled() {
    return anyEnabled;
  }

  /** Parses {@code name=action[,name=action]}; throws IllegalArgumentException on a malformed entry. */
  public static Map<String, FailpointAction> parse(String spec) {
    Map<String, FailpointAction> out = new java.util.LinkedHashMap<>();
    for (String part : spec.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw new IllegalArgumentException("failpoint entry '" + part + "' is not name=action");
      }
      out.put(part.substring(0, eq).trim(), FailpointAction.parse(part.substring(eq + 1)));
    }
    return out;
  }

  private static void fire(String name) {
    Armed armed = ARMED.get(name);
    if (armed == null || armed.action().once() && !armed.fired().compareAndSet(false, true)) {
      return;
    }
    FailpointAction a = armed.action();
    switch (a.kind()) {
      case CRASH -> {
        log.warn("failpoint {} hit: crashing (halt 137)", name);
        Runtime.getRuntime().halt(137);
      }
      case PAUSE -> {
        log.warn("failpoint {} hit: pausing {} ms", name, a.pauseMillis());
        try {
          TimeUnit.MILLISECONDS.sleep(a.pauseMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      case ERROR -> {
        log.warn("failpoint {} hit: throwing", name);
        throw new DstException(ErrorCode.INTERNAL, "failpoint " + name);
      }
    }
  }
}
