package io.dst.engine.expr;

/**
 * One aggregate call's partial state for every group of a partition, column-wise: {@code count}
 * (rows counted, or non-null inputs) and at most one value array: {@code longs} (sum, min or max of
 * an integral column), {@code doubles} (of a double column; for AVG always the sum) or {@code
 * objects} (min or max of other types). For COUNT and AVG the count is exact; for SUM, MIN and MAX
 * it only tells whether the group has a value (0: none, null in SQL). Arrays may be longer than the
 * partition's group count.
 */
public record PartialColumn(long[] count, long[] longs, double[] doubles, Object[] objects) {}
