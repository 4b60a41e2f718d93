package io.dst.engine.expr;

import java.util.List;

/**
 * What one partition scan returns: the rows that pass {@code filter}, reduced to the {@code
 * projection} columns (ordinals of the table; null means every column, in schema order), sorted by
 * {@code sort} when it is non-empty, and cut to the first {@code limit} rows (-1 for no limit). With
 * a sort and a limit the partition returns its local top-n; the caller merges partitions.
 */
public record ScanSpec(Predicate filter, int[] projection, List<SortKey> sort, long limit) {
  public ScanSpec {
    filter = filter == null ? Predicate.alwaysTrue() : filter;
    sort = sort == null ? List.of() : List.copyOf(sort);
  }

  public static ScanSpec all() {
    return new ScanSpec(Predicate.alwaysTrue(), null, List.of(), -1);
  }

  public static ScanSpec filtered(Predicate filter) {
    return new ScanSpec(filter, null, List.of(), -1);
  }

  public ScanSpec withProjection(int... columns) {
    return new ScanSpec(filter, columns, sort, limit);
  }

  public ScanSpec withLimit(long n) {
    return new ScanSpec(filter, projection, sort, n);
  }

  public ScanSpec withSort(List<SortKey> keys) {
    return new ScanSpec(filter, projection, keys, limit);
  }
}
