package io.dst.sql.rel;

import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.schema.Values;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;

/**
 * Replaces {@link ParamRef}s in a pushed-down predicate with the statement's parameter values,
 * converted to the compared column's engine value class. A comparison with a null parameter is never
 * true in SQL, so it becomes a predicate that matches nothing.
 */
public final class ParamBinder {
  private static final Predicate NOTHING = new Predicate.Not(Predicate.alwaysTrue());

  private ParamBinder() {}

  public static Object value(Object maybeParam, int column, TableSchema schema, DataContext root) {
    if (maybeParam instanceof ParamRef ref) {
      Object raw = root.get("?" + ref.index());
      return Values.toEngine(raw, schema.columns().get(column).type(),
          "parameter " + (ref.index() + 1) + " (compared with column " + schema.columns().get(column).name() + ")");
    }
    return maybeParam;
  }

  public static Predicate bind(Predicate p, TableSchema schema, DataContext root) {
    if (!hasParams(p)) {
      return p;
    }
    if (p instanceof Predicate.Compare c) {
      Object v = value(c.value(), c.column(), schema, root);
      return v == null ? NOTHING : new Predicate.Compare(c.column(), c.op(), v);
    }
    if (p instanceof Predicate.In in) {
      List<Object> values = new ArrayList<>();
      for (Object o : in.values()) {
        Object v = value(o, in.column(), schema, root);
        if (v != null) {
          values.add(v);
        }
      }
      return new Predicate.In(in.column(), values);
    }
    if (p instanceof Predicate.And a) {
      return new Predicate.And(bindAll(a.terms(), schema, root));
    }
    if (p instanceof Predicate.Or o) {
      return new Predicate.Or(bindAll(o.terms(), schema, root));
    }
    if (p instanceof Predicate.Not n) {
      return new Predicate.Not(bind(n.term(), schema, root));
    }
    return p;
  }

  private static List<Predicate> bindAll(List<Predicate> terms, TableSchema schema, DataContext root) {
    List<Predicate> out = new ArrayList<>(terms.size());
    for (Predicate t : terms) {
      out.add(bind(t, schema, root));
    }
    return out;
  }

  public static boolean hasParams(Predicate p) {
    if (p instanceof Predicate.Compare c) {
      return c.value() instanceof ParamRef;
    }
    if (p instanceof Predicate.In in) {
      return in.values().stream().anyMatch(v -> v instanceof ParamRef);
    }
    if (p instanceof Predicate.And a) {
      return a.terms().stream().anyMatch(ParamBinder::hasParams);
    }
    if (p instanceof Predicate.Or o) {
      return o.terms().stream().anyMatch(ParamBinder::hasParams);
    }
    if (p instanceof Predicate.Not n) {
      return hasParams(n.term());
    }
    return false;
  }
}
