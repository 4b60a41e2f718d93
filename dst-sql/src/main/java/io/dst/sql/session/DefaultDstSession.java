package io.dst.sql.session;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.sql.DstDatabase;
import io.dst.sql.DstSession;
import io.dst.sql.PreparedStatementPlan;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import io.dst.sql.exec.SqlErrors;
import io.dst.sql.exec.StatementPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session: runs statements through the database's plan cache, tracks the running statement's
 * cancel flag, and resolves schema files against its working directory (the process's current
 * directory until set).
 */
final class DefaultDstSession implements DstSession {
  private final DefaultDstDatabase database;
  private volatile Path workingDirectory = Path.of("").toAbsolutePath();
  private volatile AtomicBoolean running = new AtomicBoolean();
  private volatile boolean closed;

  DefaultDstSession(DefaultDstDatabase database) {
    this.database = database;
  }

  @Override
  public StatementResult execute(String text) {
    return run(plan(text), List.of());
  }

  @Override
  public PreparedStatementPlan prepare(String text) {
    StatementPlan plan = plan(text);
    return new PreparedPlan(plan);
  }

  private StatementPlan plan(String text) {
    checkOpen();
    if (text == null || text.isBlank()) {
      throw new DstException(ErrorCode.SYNTAX, "empty statement");
    }
    return database.plan(text, this::workingDirectory);
  }

  private StatementResult run(StatementPlan plan, List<Object> parameters) {
    checkOpen();
    AtomicBoolean flag = new AtomicBoolean();
    running = flag;
    try {
      return plan.execute(parameters, flag);
    } catch (RuntimeException | Error e) {
      throw SqlErrors.translate(e, null);
    }
  }

  @Override
  public void cancel() {
    running.set(true);
  }

  @Override
  public Path workingDirectory() {
    return workingDirectory;
  }

  @Override
  public void setWorkingDirectory(Path directory) {
    this.workingDirectory = directory.toAbsolutePath();
  }

  @Override
  public DstDatabase database() {
    return database;
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "the session is closed");
    }
  }

  /** A prepared statement: the plan plus this session's execution rules. */
  private final class PreparedPlan implements PreparedStatementPlan {
    private final StatementPlan plan;

    PreparedPlan(StatementPlan plan) {
      this.plan = plan;
    }

    @Override
    public int parameterCount() {
      return plan.parameterTypes().size();
    }

    @Override
    public List<Integer> parameterTypes() {
      return plan.parameterTypes();
    }

    @Override
    public List<ResultColumn> resultColumns() {
      return plan.resultColumns();
    }

    @Override
    public StatementResult execute(List<Object> parameters) {
      if (parameters.size() < parameterCount()) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "the statement has " + parameterCount()
            + " parameters but " + parameters.size() + " values were given");
      }
      return run(plan, parameters);
    }

    @Override
    public List<StatementResult> executeBatch(List<List<Object>> parameterLists) {
      checkOpen();
      for (List<Object> parameters : parameterLists) {
        if (parameters.size() < parameterCount()) {
          throw new DstException(ErrorCode.INVALID_ARGUMENT, "the statement has " + parameterCount()
              + " parameters but " + parameters.size() + " values were given");
        }
      }
      AtomicBoolean flag = new AtomicBoolean();
      running = flag;
      try {
        return plan.executeBatch(parameterLists, flag);
      } catch (RuntimeException | Error e) {
        throw SqlErrors.translate(e, null);
      }
    }
  }
}
