package io.dst.engine.table;

import io.dst.engine.column.ColumnVector;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.index.PrimaryIndex;
import io.dst.engine.index.SecondaryIndex;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses an index access path for a filter inside one partition. A top-level conjunct that is an
 * equality or IN on the primary key wins; then an equality or IN on a column with a single-column
 * secondary index; then a multi-column index whose every column is pinned by an equality. The
 * result is a sorted, duplicate-free array of candidate positions that the caller rechecks against
 * the whole filter (and liveness), or null to scan.
 */
final class IndexPlanner {
  private IndexPlanner() {}

  static int[] candidates(Predicate filter, TableSchema schema, PrimaryIndex primary,
      List<SecondaryIndex> indexes, ColumnVector[] vectors) {
    List<Predicate> conjuncts = new ArrayList<>();
    flatten(filter, conjuncts);
    int pk = schema.primaryKeyIndex();
    if (primary != null) {
      for (Predicate p : conjuncts) {
        List<Object> keys = pinnedValues(p, pk, schema.columns().get(pk).type());
        if (keys != null) {
          IntList out = new IntList();
          for (Object k : keys) {
            int pos = primary.find(k);
            if (pos >= 0) {
              out.add(pos);
            }
          }
          return sortedDistinct(out.toArray());
        }
      }
    }
    for (SecondaryIndex idx : indexes) {
      int[] cols = idx.columns();
      if (cols.length != 1) {
        continue;
      }
      for (Predicate p : conjuncts) {
        List<Object> values = pinnedValues(p, cols[0], schema.columns().get(cols[0]).type());
        if (values != null) {
          IntList out = new IntList();
          for (Object v : values) {
            idx.forEach(idx.keyOf(new Object[] {v}), out::add);
          }
          return sortedDistinct(out.toArray());
        }
      }
    }
    for (SecondaryIndex idx : indexes) {
      int[] cols = idx.columns();
      if (cols.length < 2) {
        continue;
      }
      Object[] values = new Object[cols.length];
      boolean all = true;
      for (int i = 0; i < cols.length && all; i++) {
        values[i] = null;
        for (Predicate p : conjuncts) {
          if (p instanceof Predicate.Compare c && c.column() == cols[i] && c.op() == CompareOp.EQ) {
            values[i] = Values.convert(schema.columns().get(cols[i]).type(), c.value());
            break;
          }
        }
        all = values[i] != null;
      }
      if (all) {
        IntList out = new IntList();
        idx.forEach(idx.keyOf(values), out::add);
        return sortedDistinct(out.toArray());
      }
    }
    return null;
  }

  private static void flatten(Predicate p, List<Predicate> out) {
    if (p instanceof Predicate.And a) {
      for (Predicate t : a.terms()) {
        flatten(t, out);
      }
    } else {
      out.add(p);
    }
  }

  /** Canonical values that {@code p} pins {@code column} to (EQ or IN), or null. */
  private static List<Object> pinnedValues(Predicate p, int column, ColumnType type) {
    List<Object> raw;
    if (p instanceof Predicate.Compare c && c.column() == column && c.op() == CompareOp.EQ) {
      raw = List.of(c.value());
    } else if (p instanceof Predicate.In in && in.column() == column) {
      raw = in.values();
    } else {
      return null;
    }
    List<Object> out = new ArrayList<>(raw.size());
    for (Object v : raw) {
      Object canonical = Values.convert(type, v);
      if (canonical == null) {
        // Not representable in the column (e.g. 2.5 for an int): let evaluation decide.
        return null;
      }
      out.add(canonical);
    }
    return out;
  }

  private static int[] sortedDistinct(int[] a) {
    Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || a[i] != a[i - 1]) {
        a[n++] = a[i];
      }
    }
    return Arrays.copyOf(a, n);
  }
}
