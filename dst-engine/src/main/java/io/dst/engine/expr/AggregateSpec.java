package io.dst.engine.expr;

import java.util.List;

/**
 * A partial aggregation pushed into a partition: rows passing {@code filter} are grouped by the
 * {@code groupBy} column ordinals and each group yields one row of the group-by values followed by
 * one partial value per call (see {@link AggregateFunction} for the partial forms and how they merge).
 * With no group-by columns a partition always yields exactly one row, even over no input.
 */
public record AggregateSpec(Predicate filter, int[] groupBy, List<AggregateCall> calls) {
  public AggregateSpec {
    filter = filter == null ? Predicate.alwaysTrue() : filter;
    groupBy = groupBy == null ? new int[0] : groupBy.clone();
    calls = List.copyOf(calls);
  }
}
