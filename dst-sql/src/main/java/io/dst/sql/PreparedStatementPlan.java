package io.dst.sql;

import java.util.List;

/**
 * A statement parsed and planned once and run many times with different {@code ?} parameters. Plans
 * are cached by statement text in the {@link DstDatabase}, so preparing the same text again is cheap.
 */
public interface PreparedStatementPlan {
  int parameterCount();

  /** {@link java.sql.Types} of each parameter, as far as planning inferred it. */
  List<Integer> parameterTypes();

  /** The columns the statement returns; empty for statements that return no rows. */
  List<ResultColumn> resultColumns();

  StatementResult execute(List<Object> parameters);

  /**
   * Runs the statement once per parameter list, for JDBC's executeBatch. An INSERT ... VALUES hands
   * every row of the batch to the engine in one atomic call (several times faster than row by row;
   * on failure nothing of the batch is inserted); other statements run one list after another.
   */
  default List<StatementResult> executeBatch(List<List<Object>> parameterLists) {
    List<StatementResult> results = new java.util.ArrayList<>(parameterLists.size());
    for (List<Object> parameters : parameterLists) {
      results.add(execute(parameters));
    }
    return results;
  }
}
