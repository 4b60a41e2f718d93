package io.dst.sql.dml;

import io.dst.engine.api.TableData;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import io.dst.sql.exec.StatementPlan;
import io.dst.sql.rel.ParamBinder;
import io.dst.sql.schema.DstTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * UPDATE or DELETE whose WHERE translates wholly into an engine predicate and whose SET values are
 * constants or {@code ?}: one {@link TableData#update} or {@link TableData#delete} call, no query.
 * This is also the point-update and point-delete fast path ({@code where pk = ?}).
 */
final class PredicateModifyPlan implements StatementPlan {
  private final DstTable table;
  private final Predicate filter;
  private final Map<Integer, Object> assignments;
  private final List<Integer> parameterTypes;

  /** {@code assignments} null means DELETE. */
  PredicateModifyPlan(DstTable table, Predicate filter, Map<Integer, Object> assignments,
      List<Integer> parameterTypes) {
    this.table = table;
    this.filter = filter;
    this.assignments = assignments == null ? null : Map.copyOf(assignments);
    this.parameterTypes = List.copyOf(parameterTypes);
  }

  @Override
  public List<Integer> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return List.of();
  }

  @Override
  public StatementResult execute(List<Object> parameters, AtomicBoolean cancelFlag) {
    TableData data = table.data();
    TableSchema schema = table.schema();
    Predicate bound = ParamBinder.bind(filter, schema, parametersContext(parameters));
    if (assignments == null) {
      return new StatementResult.UpdateCount(data.delete(bound));
    }
    Map<Integer, Object> values = new HashMap<>();
    for (Map.Entry<Integer, Object> e : assignments.entrySet()) {
      values.put(e.getKey(), RowValues.resolve(e.getValue(), e.getKey(), schema, parameters));
    }
    return new StatementResult.UpdateCount(data.update(bound, values));
  }

  /** Exposes user parameter values under Calcite's "?n" names for {@link ParamBinder}. */
  static DataContext parametersContext(List<Object> parameters) {
    return new io.dst.sql.exec.DstDataContext(null, null, Map.of(), parameters, null);
  }
}
