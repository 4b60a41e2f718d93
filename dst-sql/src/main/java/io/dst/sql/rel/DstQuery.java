package io.dst.sql.rel;

import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.SortKey;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the planner pushed into one table scan, applied in this order: a key lookup or a
 * filter, an aggregate or a projection, then a sort and an offset/fetch. Sort keys are table
 * ordinals; the projection is table ordinals too (null keeps every column).
 */
public record DstQuery(
    TableSchema schema,
    Predicate filter,
    KeyLookup lookup,
    int[] projection,
    DstAggregate aggregate,
    List<SortKey> sort,
    long offset,
    long fetch) {

  public DstQuery {
    filter = filter == null ? Predicate.alwaysTrue() : filter;
    sort = sort == null ? List.of() : List.copyOf(sort);
  }

  public static DstQuery full(TableSchema schema) {
    return new DstQuery(schema, null, null, null, null, List.of(), 0, -1);
  }

  public boolean hasFilter() {
    return !(filter instanceof Predicate.True);
  }

  public boolean hasLimit() {
    return fetch >= 0 || offset > 0;
  }

  /** Whether nothing but filters and projections were pushed so far. */
  public boolean isPlainScan() {
    return lookup == null && aggregate == null && sort.isEmpty() && !hasLimit();
  }

  /** Table ordinals of the rows this scan emits (before any aggregate). */
  public int[] outputColumns() {
    if (projection != null) {
      return projection.clone();
    }
    int[] all = new int[schema.columnCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  public DstQuery withFilter(Predicate newFilter) {
    return new DstQuery(schema, newFilter, lookup, projection, aggregate, sort, offset, fetch);
  }

  public DstQuery withLookup(KeyLookup newLookup) {
    return new DstQuery(schema, filter, newLookup, projection, aggregate, sort, offset, fetch);
  }

  public DstQuery withProjection(int[] newProjection) {
    return new DstQuery(schema, filter, lookup, newProjection, aggregate, sort, offset, fetch);
  }

  public DstQuery withAggregate(DstAggregate newAggregate) {
    return new DstQuery(schema, filter, lookup, null, newAggregate, sort, offset, fetch);
  }

  public DstQuery withSortAndLimit(List<SortKey> keys, long newOffset, long newFetch) {
    return new DstQuery(schema, filter, lookup, projection, aggregate, keys, newOffset, newFetch);
  }

  /** Name/value pairs for EXPLAIN, naming columns rather than ordinals. */
  public List<String[]> explainItems() {
    List<String[]> items = new ArrayList<>();
    if (lookup != null) {
      items.add(new String[] {lookup.primaryKey() ? "pkLookup" : "indexLookup",
          columnName(lookup.column()) + " = " + PredicateText.value(lookup.value())});
    }
    if (hasFilter()) {
      items.add(new String[] {"filter", PredicateText.of(filter, schema)});
    }
    if (aggregate != null) {
      StringBuilder sb = new StringBuilder("group=[");
      for (int i = 0; i < aggregate.groupBy().length; i++) {
        sb.append(i == 0 ? "" : ", ").append(columnName(aggregate.groupBy()[i]));
      }
      sb.append("], calls=[");
      for (int i = 0; i < aggregate.calls().size(); i++) {
        var call = aggregate.calls().get(i);
        sb.append(i == 0 ? "" : ", ").append(call.function()).append('(')
            .append(call.column() < 0 ? "*" : columnName(call.column())).append(')');
      }
      items.add(new String[] {"aggregate", sb.append(']').toString()});
    }
    if (projection != null) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < projection.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(columnName(projection[i]));
      }
      items.add(new String[] {"project", sb.append(']').toString()});
    }
    if (!sort.isEmpty()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < sort.size(); i++) {
        SortKey key = sort.get(i);
        sb.append(i == 0 ? "" : ", ").append(columnName(key.column()))
            .append(key.descending() ? " DESC" : "");
      }
      items.add(new String[] {"sort", sb.append(']').toString()});
    }
    if (offset > 0) {
      items.add(new String[] {"offset", Long.toString(offset)});
    }
    if (fetch >= 0) {
      items.add(new String[] {"fetch", Long.toString(fetch)});
    }
    return items;
  }

  private String columnName(int ordinal) {
    return schema.columns().get(ordinal).name();
  }
}
