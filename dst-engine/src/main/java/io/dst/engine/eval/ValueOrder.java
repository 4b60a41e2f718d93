package io.dst.engine.eval;

import java.util.Arrays;
import java.util.List;

/**
 * The order of non-null canonical values of one column type: numbers numerically, strings by
 * {@link String#compareTo}, booleans false before true, bytes unsigned, arrays element by element.
 */
public final class ValueOrder {
  private ValueOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if ((x instanceof Integer || x instanceof Long) && (y instanceof Integer || y instanceof Long)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      int n = Math.min(x.size(), y.size());
      for (int i = 0; i < n; i++) {
        int c = compare(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    return ((Comparable) a).compareTo(b);
  }

  /** SQL equality of non-null canonical values (numbers across Integer/Long/Double, bytes by content). */
  public static boolean equal(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return compare(a, b) == 0;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
