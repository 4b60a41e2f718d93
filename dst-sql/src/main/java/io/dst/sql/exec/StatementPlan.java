package io.dst.sql.exec;

import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A statement ready to run: planned (and for queries compiled) once, executed any number of times
 * with parameter values in the user's Java classes. Implementations are immutable, so one cached plan
 * serves every session at once.
 */
public interface StatementPlan {
  /** SQL types of the {@code ?} parameters, as {@link java.sql.Types} constants. */
  List<Integer> parameterTypes();

  List<ResultColumn> resultColumns();

  StatementResult execute(List<Object> parameters, AtomicBoolean cancelFlag);

  /** Runs once per parameter list; plans that can batch the work override this. */
  default List<StatementResult> executeBatch(List<List<Object>> parameterLists, AtomicBoolean cancelFlag) {
    List<StatementResult> results = new java.util.ArrayList<>(parameterLists.size());
    for (List<Object> parameters : parameterLists) {
      results.add(execute(parameters, cancelFlag));
    }
    return results;
  }

  /** Whether this plan may be cached and reused for the same text (DDL may not). */
  default boolean cacheable() {
    return true;
  }
}
