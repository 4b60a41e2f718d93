package io.dst.jdbc.driver;

import io.dst.engine.api.RowCursor;
import io.dst.jdbc.DstStatement;
import io.dst.jdbc.meta.JdbcTypes;
import io.dst.jdbc.result.DstResultSet;
import io.dst.jdbc.result.ResultSets;
import io.dst.sql.DstSession;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A statement that sends SQL or command-language text to the connection's session and exposes what
 * came back: rows as a {@link DstResultSet}, a count as the update count, and a command's message
 * ({@code "ok"}) as update count 0 plus {@link #lastMessage()}.
 */
public class DstStatementImpl implements DstStatement {
  /** The column of the one-row result executeQuery makes from a command's message. */
  static final List<ResultColumn> MESSAGE_COLUMNS =
      List.of(JdbcTypes.resultColumn("result", "", JdbcTypes.VARCHAR, true));

  protected final DstConnection connection;
  private final List<String> batch = new ArrayList<>();
  private DstResultSet current;
  private Execution execution;
  private long updateCount = -1;
  private String lastMessage;
  private boolean closed;
  private boolean closeOnCompletion;
  private boolean poolable;
  private int queryTimeout;
  private int maxRows;
  private int fetchSize;
  private int maxFieldSize;

  DstStatementImpl(DstConnection connection) {
    this.connection = connection;
    this.queryTimeout = connection.settings().queryTimeoutSeconds();
  }

  // ---- running -----------------------------------------------------------------------------------

  /** Runs {@code work} on the session with this statement's timeout; cancel() reaches it. */
  protected final StatementResult run(Function<DstSession, StatementResult> work) throws SQLException {
    checkOpen();
    closeCurrent();
    updateCount = -1;
    lastMessage = null;
    Execution run = new Execution(connection.runner(), queryTimeout);
    execution = run;
    StatementResult result;
    try {
      result = connection.runner().run(run, work);
    } catch (SQLException e) {
      run.finish();
      throw e;
    }
    if (!(result instanceof StatementResult.Rows)) {
      run.finish();
    }
    return result;
  }

  /** Makes {@code result} this statement's current result; true when it is rows. */
  protected final boolean accept(StatementResult result) throws SQLException {
    if (result instanceof StatementResult.Rows rows) {
      current = new DstResultSet(this, rows.columns(), rows.cursor());
      current.limitRows(maxRows);
      Execution run = execution;
      if (run != null) {
        current.guardedBy(run);
      }
      DstResultSet mine = current;
      mine.onClose(() -> resultClosed(mine));
      return true;
    }
    if (result instanceof StatementResult.UpdateCount count) {
      updateCount = count.count();
      return false;
    }
    StatementResult.Message message = (StatementResult.Message) result;
    updateCount = 0;
    lastMessage = message.text();
    return false;
  }

  /** The current result as rows; a command's message becomes one row with a {@code result} column. */
  protected final ResultSet acceptQuery(StatementResult result) throws SQLException {
    if (result instanceof StatementResult.Message message) {
      accept(new StatementResult.Rows(MESSAGE_COLUMNS, RowCursor.of(List.<Object[]>of(new Object[] {message.text()}))));
      lastMessage = message.text();
      return current;
    }
    if (accept(result)) {
      return current;
    }
    throw new SQLException("the statement returned an update count, not rows; use executeUpdate or execute",
        "07000");
  }

  protected final long acceptUpdate(StatementResult result) throws SQLException {
    if (result instanceof StatementResult.Rows rows) {
      rows.cursor().close();
      throw new SQLException("the statement returned rows; use executeQuery or execute", "07000");
    }
    accept(result);
    return updateCount;
  }

  private void resultClosed(DstResultSet rs) {
    if (current == rs) {
      current = null;
    }
    if (closeOnCompletion) {
      try {
        close();
      } catch (SQLException e) {
        // closing an already-finished statement only releases bookkeeping; nothing to report
      }
    }
  }

  private void closeCurrent() throws SQLException {
    DstResultSet rs = current;
    current = null;
    if (rs != null) {
      boolean wasCloseOnCompletion = closeOnCompletion;
      closeOnCompletion = false;
      try {
        rs.close();
      } finally {
        closeOnCompletion = wasCloseOnCompletion;
      }
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    return acceptQuery(run(session -> session.execute(sql)));
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return clamp(executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return acceptUpdate(run(session -> session.execute(sql)));
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return accept(run(session -> session.execute(sql)));
  }

  // Dst generates no keys, so the key-returning variants run the statement and getGeneratedKeys is empty.

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return executeLargeUpdate(sql);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return execute(sql);
  }

  /** Always an empty result: no Dst column is generated by the database. */
  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    return ResultSets.empty(List.of());
  }

  @Override
  public String lastMessage() {
    return lastMessage;
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return current;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return clamp(getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != KEEP_CURRENT_RESULT) {
      closeCurrent();
    }
    this.current = null;
    updateCount = -1;
    return false;
  }

  // ---- batches -----------------------------------------------------------------------------------

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return Arrays.stream(executeLargeBatch()).mapToInt(DstStatementImpl::clamp).toArray();
  }

  /** Runs each statement in order; stops at the first failure with the counts of those before it. */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> work = List.copyOf(batch);
    batch.clear();
    long[] counts = new long[work.size()];
    for (int i = 0; i < work.size(); i++) {
      String sql = work.get(i);
      counts[i] = batchStep(i, counts, () -> run(session -> session.execute(sql)));
    }
    return counts;
  }

  /** One step of a batch, by {@link #executeLargeBatch} and the prepared statement's batch. */
  protected final long batchStep(int index, long[] countsSoFar, BatchWork work) throws BatchUpdateException {
    try {
      StatementResult result = work.run();
      if (result instanceof StatementResult.Rows rows) {
        rows.cursor().close();
        throw new SQLException("batch statement " + (index + 1) + " returned rows; batches take only writes",
            "07000");
      }
      return acceptUpdate(result);
    } catch (SQLException e) {
      long[] done = Arrays.copyOf(countsSoFar, index);
      throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
    }
  }

  /** A statement of a batch. */
  @FunctionalInterface
  protected interface BatchWork {
    StatementResult run() throws SQLException;
  }

  static int clamp(long count) {
    return count > Integer.MAX_VALUE ? SUCCESS_NO_INFO : (int) count;
  }

  // ---- cancel, close -------------------------------------------------------------------------------

  @Override
  public void cancel() throws SQLException {
    checkOpen();
    cancelQuietly();
  }

  void cancelQuietly() {
    Execution run = execution;
    if (run != null) {
      run.cancel();
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    try {
      closeCurrent();
    } finally {
      closed = true;
      batch.clear();
      connection.forget(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  protected final void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("statement");
    }
    connection.checkOpen();
  }

  // ---- settings ------------------------------------------------------------------------------------

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("query timeout must be >= 0", "HY024");
    }
    queryTimeout = seconds;
  }

  @Override
  public int getMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("max rows must be >= 0", "HY024");
    }
    maxRows = max;
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    return getMaxRows();
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    setMaxRows((int) Math.min(max, Integer.MAX_VALUE));
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  /** Recorded but not applied: Dst returns values whole. */
  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("max field size must be >= 0", "HY024");
    }
    maxFieldSize = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw SqlErrors.unsupported("named cursors");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw SqlErrors.unsupported("fetch directions other than FETCH_FORWARD");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size must be >= 0", "HY024");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
