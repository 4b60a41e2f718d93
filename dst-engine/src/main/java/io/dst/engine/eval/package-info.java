/**
 * Query evaluation inside a partition: predicates compiled to column-at-a-time
 * {@link io.dst.engine.eval.ChunkPredicate}s with SQL three-valued logic, and partial aggregation
 * with group-by ({@link io.dst.engine.eval.GroupAggregator}).
 */
package io.dst.engine.eval;
