package io.dst.sql.rel;

import io.dst.engine.expr.AggregateCall;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * An aggregation pushed into a scan: each partition groups by {@code groupBy} (table ordinals) and
 * computes partial {@code calls}; the scan merges partials and casts each final value to {@code
 * outputTypes} (Calcite's declared result type, e.g. SUM over INTEGER is INTEGER).
 */
public record DstAggregate(int[] groupBy, List<AggregateCall> calls, List<SqlTypeName> outputTypes,
    List<Boolean> sumZero) {
  public DstAggregate {
    groupBy = groupBy.clone();
    calls = List.copyOf(calls);
    outputTypes = List.copyOf(outputTypes);
    sumZero = List.copyOf(sumZero);
  }
}
