package io.dst.sql.rel;

import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a pushed-down {@link Predicate} with column names, for EXPLAIN output and digests. */
public final class PredicateText {
  private PredicateText() {}

  public static String of(Predicate p, TableSchema schema) {
    if (p instanceof Predicate.Compare c) {
      return name(c.column(), schema) + " " + sqlOp(c.op().symbol()) + " " + value(c.value());
    }
    if (p instanceof Predicate.In in) {
      return name(in.column(), schema) + " IN (" + in.values().stream()
          .map(PredicateText::value).collect(Collectors.joining(", ")) + ")";
    }
    if (p instanceof Predicate.IsNull n) {
      return name(n.column(), schema) + " IS NULL";
    }
    if (p instanceof Predicate.Like l) {
      return name(l.column(), schema) + " LIKE " + value(l.pattern());
    }
    if (p instanceof Predicate.And a) {
      return join(a.terms(), " AND ", schema);
    }
    if (p instanceof Predicate.Or o) {
      return join(o.terms(), " OR ", schema);
    }
    if (p instanceof Predicate.Not n) {
      return "NOT (" + of(n.term(), schema) + ")";
    }
    return "true";
  }

  private static String join(List<Predicate> terms, String sep, TableSchema schema) {
    return terms.stream().map(t -> "(" + of(t, schema) + ")").collect(Collectors.joining(sep));
  }

  private static String sqlOp(String symbol) {
    return switch (symbol) {
      case "==" -> "=";
      case "!=" -> "<>";
      default -> symbol;
    };
  }

  private static String name(int column, TableSchema schema) {
    return schema.columns().get(column).name();
  }

  public static String value(Object v) {
    if (v instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (v instanceof byte[] b) {
      return "X'" + java.util.HexFormat.of().formatHex(b) + "'";
    }
    return String.valueOf(v);
  }
}
