package io.dst.jdbc.driver;

import io.dst.sql.DstSession;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a connection's session one statement at a time (a session is not thread-safe), with
 * the statement's query timeout and {@link java.sql.Statement#cancel()} both mapped to
 * {@link DstSession#cancel()}, and failures turned into the right {@link SQLException}.
 */
final class SessionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

  private final DstSession session;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Object running;
  private volatile boolean cancelled;
  private volatile boolean timedOut;

  SessionRunner(DstSession session) {
    this.session = session;
  }

  DstSession session() {
    return session;
  }

  /** Runs {@code work} for {@code owner}, cancelling it after {@code timeoutSeconds} (0: never). */
  <T> T run(Object owner, int timeoutSeconds, Function<DstSession, T> work) throws SQLException {
    lock.lock();
    ScheduledFuture<?> timer = null;
    try {
      cancelled = false;
      timedOut = false;
      running = owner;
      if (timeoutSeconds > 0) {
        timer = Timers.TIMER.schedule(this::timeOut, timeoutSeconds, TimeUnit.SECONDS);
      }
      try {
        return work.apply(session);
      } catch (RuntimeException e) {
        if (timedOut) {
          throw new SQLTimeoutException("statement timed out after " + timeoutSeconds + " s", "HYT00", e);
        }
        if (cancelled) {
          throw new SQLException("statement was cancelled", SqlErrors.CANCELLED, e);
        }
        throw SqlErrors.from(e);
      }
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
      running = null;
      lock.unlock();
    }
  }

  /** Cancels what {@code owner} is running, if it is running anything; from any thread. */
  void cancel(Object owner) {
    if (owner != null && running == owner) {
      cancelled = true;
      cancelSession();
    }
  }

  private void timeOut() {
    timedOut = true;
    cancelSession();
  }

  private void cancelSession() {
    try {
      session.cancel();
    } catch (RuntimeException e) {
      LOG.warn("cancelling the running statement failed: {}", e.toString());
    }
  }
}
