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
}
