package io.dst.engine.expr;

import java.util.List;

/**
 * A row filter the engine evaluates column-at-a-time inside a partition. Columns are referred to by
 * their ordinal in the table schema; literals use the value classes of {@link
 * io.dst.engine.schema.ScalarType}. Evaluation follows SQL three-valued logic: a row passes only when
 * the predicate is TRUE, so {@code Not(Compare(a, EQ, 1))} excludes rows where {@code a} is null.
 */
public sealed interface Predicate {

  /** Matches every row. */
  record True() implements Predicate {}

  /** {@code column op value}; {@code value} is never null (use {@link IsNull}). */
  record Compare(int column, CompareOp op, Object value) implements Predicate {
    public Compare {
      java.util.Objects.requireNonNull(value, "comparison with null: use IsNull");
    }
  }

  /** {@code column IN (values)}. */
  record In(int column, List<Object> values) implements Predicate {
    public In {
      values = List.copyOf(values);
    }
  }

  /** {@code column IS NULL}. */
  record IsNull(int column) implements Predicate {}

  /** SQL LIKE with {@code %} and {@code _} wildcards and an optional escape character (0 if none). */
  record Like(int column, String pattern, char escape) implements Predicate {}

  record And(List<Predicate> terms) implements Predicate {
    public And {
      terms = List.copyOf(terms);
    }
  }

  record Or(List<Predicate> terms) implements Predicate {
    public Or {
      terms = List.copyOf(terms);
    }
  }

  record Not(Predicate term) implements Predicate {}

  static Predicate alwaysTrue() {
    return new True();
  }

  static Predicate and(Predicate... terms) {
    return new And(List.of(terms));
  }

  static Predicate or(Predicate... terms) {
    return new Or(List.of(terms));
  }
}
