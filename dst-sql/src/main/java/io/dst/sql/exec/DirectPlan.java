package io.dst.sql.exec;

import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A statement that runs as plain Java with no query plan: DDL, kv commands, catalog listings. Those
 * that depend on changing state (DDL, the session's directory) are not cacheable.
 */
public final class DirectPlan implements StatementPlan {
  private final List<ResultColumn> columns;
  private final Function<List<Object>, StatementResult> action;
  private final boolean cacheable;

  public DirectPlan(List<ResultColumn> columns, boolean cacheable, Function<List<Object>, StatementResult> action) {
    this.columns = List.copyOf(columns);
    this.action = action;
    this.cacheable = cacheable;
  }

  @Override
  public List<Integer> parameterTypes() {
    return List.of();
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return columns;
  }

  @Override
  public StatementResult execute(List<Object> parameters, AtomicBoolean cancelFlag) {
    return action.apply(parameters);
  }

  @Override
  public boolean cacheable() {
    return cacheable;
  }

  /** A result column of a command's fixed output. */
  public static ResultColumn column(String label, int sqlType, boolean nullable) {
    Class<?> javaClass = switch (sqlType) {
      case java.sql.Types.BIGINT -> Long.class;
      case java.sql.Types.INTEGER -> Integer.class;
      case java.sql.Types.BOOLEAN -> Boolean.class;
      default -> String.class;
    };
    String typeName = switch (sqlType) {
      case java.sql.Types.BIGINT -> "BIGINT";
      case java.sql.Types.INTEGER -> "INTEGER";
      case java.sql.Types.BOOLEAN -> "BOOLEAN";
      default -> "VARCHAR";
    };
    int precision = switch (sqlType) {
      case java.sql.Types.BIGINT -> 19;
      case java.sql.Types.INTEGER -> 10;
      case java.sql.Types.BOOLEAN -> 1;
      default -> 65536;
    };
    return new ResultColumn(label, null, sqlType, typeName, javaClass, precision, 0, nullable);
  }
}
