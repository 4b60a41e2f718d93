package io.dst.engine.expr;

/**
 * Aggregates a partition computes partially. The partial result of each and how partials merge:
 * COUNT_STAR and COUNT give a Long (merge: sum); SUM gives Long for INT/LONG columns or Double for
 * DOUBLE, null over no non-null input (merge: sum ignoring nulls); MIN and MAX give the column's
 * value class or null (merge: min/max); AVG gives a {@code double[]{sum, count}} (merge: add both,
 * final value sum/count, null when count is 0).
 */
public enum AggregateFunction {
  COUNT_STAR, COUNT, SUM, MIN, MAX, AVG
}
