package io.dst.jdbc.result;

import java.sql.SQLException;

/**
 * What a result set asks of the statement run that produced it while its rows are read lazily:
 * whether the run was stopped (timed out or cancelled), how to explain a failure, and when the
 * reading is over.
 */
public interface ReadGuard {
  /** A guard for rows that need none (metadata results). */
  ReadGuard NONE = new ReadGuard() {
    @Override
    public void check() {}

    @Override
    public SQLException translate(RuntimeException e) {
      return io.dst.jdbc.driver.SqlErrors.from(e);
    }

    @Override
    public void finish() {}
  };

  /** Throws when the run has been stopped, so reading ends at the next row. */
  void check() throws SQLException;

  SQLException translate(RuntimeException e);

  /** The rows are exhausted or closed. */
  void finish();
}
