package io.dst.sql.rel;

import java.util.Comparator;
import java.util.List;

/**
 * Orders rows by sort keys given as positions in the row, with per-key direction and null
 * placement; used to merge the per-partition top-n lists a scan gets back.
 */
public final class RowComparator implements Comparator<Object[]> {
  private final int[] positions;
  private final boolean[] descending;
  private final boolean[] nullsFirst;

  public RowComparator(int[] positions, boolean[] descending, boolean[] nullsFirst) {
    this.positions = positions;
    this.descending = descending;
    this.nullsFirst = nullsFirst;
  }

  @Override
  public int compare(Object[] a, Object[] b) {
    for (int i = 0; i < positions.length; i++) {
      Object x = a[positions[i]];
      Object y = b[positions[i]];
      int c;
      if (x == null || y == null) {
        if (x == y) {
          continue;
        }
        c = (x == null) == nullsFirst[i] ? -1 : 1;
        return c;
      }
      c = compareValues(x, y);
      if (c != 0) {
        return descending[i] ? -c : c;
      }
    }
    return 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compareValues(Object x, Object y) {
    if (x instanceof byte[] p && y instanceof byte[] q) {
      return java.util.Arrays.compareUnsigned(p, q);
    }
    if (x instanceof List<?> p && y instanceof List<?> q) {
      for (int i = 0; i < Math.min(p.size(), q.size()); i++) {
        Object u = p.get(i);
        Object v = q.get(i);
        if (u == null || v == null) {
          if (u != v) {
            return u == null ? 1 : -1;
          }
          continue;
        }
        int c = compareValues(u, v);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(p.size(), q.size());
    }
    if (x instanceof Number n && y instanceof Number m && x.getClass() != y.getClass()) {
      return Double.compare(n.doubleValue(), m.doubleValue());
    }
    return ((Comparable) x).compareTo(y);
  }
}
