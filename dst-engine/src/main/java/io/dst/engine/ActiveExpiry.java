package io.dst.engine;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis's active expiry for a store that is not replicated: every {@link #PERIOD_MILLIS} a daemon
 * thread deletes due keys nobody touches through {@link EmbeddedStore#expireDueKeys}, in slices of
 * {@link #SLICE} keys per kv partition, going on while slices come back full and the pass is under
 * {@link #BUDGET_MILLIS}. A replicated store must not use it: there only primaries expire, through
 * their log.
 */
public final class ActiveExpiry implements AutoCloseable {
  /** How often a pass runs, as a cluster primary's expiry does. */
  public static final long PERIOD_MILLIS = 100;
  /** Keys deleted per kv partition and slice, so one slice holds a partition's lock briefly. */
  static final int SLICE = 64;
  /** Time after which a pass stops even if more keys are due (Redis spends at most 25% of a cycle). */
  static final long BUDGET_MILLIS = 25;
  private static final Logger LOG = LoggerFactory.getLogger(ActiveExpiry.class);

  private final EmbeddedStore store;
  private final long budgetNanos;
  private final ScheduledExecutorService timer;

  /** Not started: {@link #pass} runs only when called (tests). */
  ActiveExpiry(EmbeddedStore store, long budgetMillis) {
    this.store = Objects.requireNonNull(store, "store");
    this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dst-active-expiry");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts reclaiming {@code store}'s due keys until {@link #close}. */
  public static ActiveExpiry start(EmbeddedStore store) {
    ActiveExpiry expiry = new ActiveExpiry(store, BUDGET_MILLIS);
    expiry.timer.scheduleWithFixedDelay(expiry::pass, PERIOD_MILLIS, PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);
    return expiry;
  }

  /** One pass; returns how many keys it deleted. */
  int pass() {
    long stopAt = System.nanoTime() + budgetNanos;
    int total = 0;
    try {
      int n;
      do {
        n = store.expireDueKeys(SLICE);
        total += n;
      } while (n >= SLICE && System.nanoTime() < stopAt
          && !Thread.currentThread().isInterrupted());
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and let the next pass retry.
      LOG.warn("active expiry pass failed after deleting {} keys", total, e);
    }
    return total;
  }

  /** Stops the timer; a pass under way stops after its current slice. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
