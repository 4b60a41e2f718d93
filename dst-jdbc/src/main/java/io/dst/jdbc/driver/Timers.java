package io.dst.jdbc.driver;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The driver's daemon threads: one timer for query timeouts and a pool for isValid probes. */
final class Timers {
  static final ScheduledExecutorService TIMER;
  static final ExecutorService PROBES = Executors.newCachedThreadPool(daemon("dst-jdbc-probe"));

  static {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("dst-jdbc-timeout"));
    timer.setRemoveOnCancelPolicy(true);
    TIMER = timer;
  }

  private Timers() {}

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
