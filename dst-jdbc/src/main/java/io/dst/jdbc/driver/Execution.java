package io.dst.jdbc.driver;

import io.dst.jdbc.result.ReadGuard;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One statement's run, from execute until its rows are read or closed: the query timeout counts
 * over all of it (Dst reads rows lazily, so a long scan happens while the caller reads), and
 * {@link java.sql.Statement#cancel()} reaches it at any point. Either way the session's cancel flag
 * stops the work, and the failure that follows is reported as a timeout or a cancel.
 */
final class Execution implements ReadGuard {
  private final SessionRunner runner;
  private final int timeoutSeconds;
  private final ScheduledFuture<?> timer;
  private volatile boolean timedOut;
  private volatile boolean cancelled;
  private volatile boolean finished;

  Execution(SessionRunner runner, int timeoutSeconds) {
    this.runner = runner;
    this.timeoutSeconds = timeoutSeconds;
    this.timer = timeoutSeconds > 0
        ? Timers.TIMER.schedule(this::timeOut, timeoutSeconds, TimeUnit.SECONDS) : null;
  }

  private void timeOut() {
    if (!finished) {
      timedOut = true;
      runner.cancel(this);
    }
  }

  /** Statement.cancel(): stops the work if it is still running or its rows are still being read. */
  void cancel() {
    if (!finished) {
      cancelled = true;
      runner.cancel(this);
    }
  }

  /** Stops reading at the next row once the run has timed out or been cancelled. */
  @Override
  public void check() throws SQLException {
    if (timedOut || cancelled) {
      throw translate(null);
    }
  }

  /** The rows are read, closed or never came: the timeout no longer applies. */
  @Override
  public void finish() {
    finished = true;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** The SQLException for a failure during this run, saying so when it was a timeout or a cancel. */
  @Override
  public SQLException translate(RuntimeException e) {
    if (timedOut) {
      return new SQLTimeoutException("statement timed out after " + timeoutSeconds + " s", "HYT00", e);
    }
    if (cancelled) {
      return new SQLException("statement was cancelled", SqlErrors.CANCELLED, e);
    }
    return e == null ? new SQLException("statement failed", "HY000") : SqlErrors.from(e);
  }
}
