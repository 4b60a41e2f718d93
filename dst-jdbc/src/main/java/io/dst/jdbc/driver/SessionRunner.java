package io.dst.jdbc.driver;

import io.dst.sql.DstSession;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a connection's session one statement at a time (a session is not thread-safe) and
 * forwards cancels to {@link DstSession#cancel()}, which stops whatever the session ran last.
 */
final class SessionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

  private final DstSession session;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Execution current;

  SessionRunner(DstSession session) {
    this.session = session;
  }

  DstSession session() {
    return session;
  }

  <T> T run(Execution execution, Function<DstSession, T> work) throws SQLException {
    lock.lock();
    try {
      current = execution;
      return work.apply(session);
    } catch (RuntimeException e) {
      throw execution.translate(e);
    } finally {
      current = null;
      lock.unlock();
    }
  }

  /**
   * Cancels {@code execution} if it is the one running, or if nothing is running (its rows may be
   * being read); an execution still waiting for the session must not cancel another's work.
   */
  void cancel(Execution execution) {
    Execution running = current;
    if (running == execution || running == null) {
      try {
        session.cancel();
      } catch (RuntimeException e) {
        LOG.warn("cancelling the running statement failed: {}", e.toString());
      }
    }
  }
}
