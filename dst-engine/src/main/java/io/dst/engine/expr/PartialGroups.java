package io.dst.engine.expr;

import java.util.List;

/**
 * A partition's partial aggregates in columns: the group-by values of each group ({@code keys[k][g]}
 * for group-by column k) and one {@link PartialColumn} per call, so merging partitions reads
 * primitive arrays instead of a boxed row per group. Same groups and order as {@code
 * TableData.aggregate}.
 */
public record PartialGroups(int size, Object[][] keys, PartialColumn[] calls) {

  /** Adapts boxed partial rows (see {@link AggregateSpec} for their layout) to columns. */
  public static PartialGroups fromRows(List<Object[]> rows, AggregateSpec spec) {
    int n = rows.size();
    int groups = spec.groupBy().length;
    Object[][] keys = new Object[groups][n];
    for (int g = 0; g < n; g++) {
      Object[] row = rows.get(g);
      for (int k = 0; k < groups; k++) {
        keys[k][g] = row[k];
      }
    }
    PartialColumn[] calls = new PartialColumn[spec.calls().size()];
    for (int c = 0; c < calls.length; c++) {
      calls[c] = column(rows, groups + c, spec.calls().get(c).function());
    }
    return new PartialGroups(n, keys, calls);
  }

  private static PartialColumn column(List<Object[]> rows, int at, AggregateFunction function) {
    int n = rows.size();
    long[] count = new long[n];
    switch (function) {
      case COUNT_STAR, COUNT -> {
        for (int g = 0; g < n; g++) {
          count[g] = ((Number) rows.get(g)[at]).longValue();
        }
        return new PartialColumn(count, null, null, null);
      }
      case AVG -> {
        double[] sums = new double[n];
        for (int g = 0; g < n; g++) {
          double[] s = (double[]) rows.get(g)[at];
          sums[g] = s[0];
          count[g] = (long) s[1];
        }
        return new PartialColumn(count, null, sums, null);
      }
      default -> {
        // SUM, MIN, MAX: a value or null; the kind of the non-null values picks the array.
        boolean integral = true;
        boolean floating = true;
        boolean any = false;
        for (Object[] row : rows) {
          Object v = row[at];
          if (v != null) {
            any = true;
            integral &= v instanceof Long || v instanceof Integer;
            floating &= v instanceof Double;
          }
        }
        if (!any) {
          return new PartialColumn(count, null, null, null);
        }
        long[] longs = integral ? new long[n] : null;
        double[] doubles = !integral && floating ? new double[n] : null;
        Object[] objects = !integral && !floating ? new Object[n] : null;
        for (int g = 0; g < n; g++) {
          Object v = rows.get(g)[at];
          if (v == null) {
            continue;
          }
          count[g] = 1;
          if (longs != null) {
            longs[g] = ((Number) v).longValue();
          } else if (doubles != null) {
            doubles[g] = (Double) v;
          } else {
            objects[g] = v;
          }
        }
        return new PartialColumn(count, longs, doubles, objects);
      }
    }
  }
}
