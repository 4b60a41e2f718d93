package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * The predicate of a {@code when} clause. The parser normalises what it reads: a comparison always has
 * the column on the left ({@code 3 < a} becomes {@code a > 3}), {@code and}/{@code or} chains are
 * flattened into one n-ary node, {@code a not in [..]} is {@code Not(In)} and {@code a is not null} is
 * {@code Not(IsNull)}. Column names are lower-cased.
 */
public sealed interface Condition {

  /** {@code column op value}; value is never a {@link Literal.NullLiteral} (use {@link IsNull}). */
  record Compare(String column, ComparisonOperator op, Literal value) implements Condition {
    public Compare {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
      if (value instanceof Literal.NullLiteral) {
        throw new IllegalArgumentException("comparison with null: use IsNull");
      }
    }
  }

  /** {@code column in [v1, v2, ...]}; the list may be empty (then no row matches). */
  record In(String column, List<Literal> values) implements Condition {
    public In {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
    }
  }

  /** {@code column is null}. */
  record IsNull(String column) implements Condition {
    public IsNull {
      Objects.requireNonNull(column, "column");
    }
  }

  /** All terms hold; at least two terms, none of them an And. */
  record And(List<Condition> terms) implements Condition {
    public And {
      terms = List.copyOf(terms);
    }
  }

  /** Some term holds; at least two terms, none of them an Or. */
  record Or(List<Condition> terms) implements Condition {
    public Or {
      terms = List.copyOf(terms);
    }
  }

  /** The term does not hold. */
  record Not(Condition term) implements Condition {
    public Not {
      Objects.requireNonNull(term, "term");
    }
  }

  static Condition and(Condition... terms) {
    return new And(List.of(terms));
  }

  static Condition or(Condition... terms) {
    return new Or(List.of(terms));
  }
}
