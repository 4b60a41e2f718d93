package io.dst.engine.api;

import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.PartialGroups;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.schema.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table's data, spread over hash partitions of its primary key (or hidden row id). The SQL layer
 * plans over this interface; the embedded engine implements it over local partitions and the cluster
 * client over the partitions' primaries. Every write is atomic: it applies whole or not at all, and a
 * failed write (duplicate key, type error) leaves the table as it was and throws a {@link
 * io.dst.engine.DstException} saying which row and column were wrong.
 */
public interface TableData {
  TableSchema schema();

  int partitionCount();

  /** Live rows across all partitions; exact for the embedded engine, may lag in a cluster. */
  long rowCount();

  /** Scans one partition (0 ≤ partition < partitionCount). */
  RowCursor scan(int partition, ScanSpec spec);

  /** Partial aggregation inside one partition; see {@link AggregateSpec} for the row layout. */
  List<Object[]> aggregate(int partition, AggregateSpec spec);

  /**
   * The same partial aggregation in columns, for merging without boxed rows. By default adapts
   * {@link #aggregate}; the embedded engine hands over its state arrays directly.
   */
  default PartialGroups aggregateColumns(int partition, AggregateSpec spec) {
    return PartialGroups.fromRows(aggregate(partition, spec), spec);
  }

  /** The full row with this primary key, by the primary hash index. Fails when there is no [p]. */
  Optional<Object[]> get(Object primaryKey);

  /** Rows whose {@code column} equals {@code value}, by the column's secondary index when it has one. */
  RowCursor lookup(int column, Object value, int[] projection);

  /** Inserts full rows in schema order; the whole batch fails on the first duplicate or bad value. */
  int insert(List<Object[]> rows);

  /** Sets the given column ordinals to the given values on every row passing the filter. */
  int update(Predicate filter, Map<Integer, Object> assignments);

  int delete(Predicate filter);
}
