package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * A constant written in a command: a quoted string, an integer (fits a long), a decimal (a double),
 * {@code true}/{@code false}, {@code null}, or an array {@code [v1, v2]} of such scalars. Typing against
 * a column (int vs long, string vs timestamp) is the engine's job, not the parser's.
 */
public sealed interface Literal {

  /** The value as plain Java: String, Long, Double, Boolean, null, or a List of those. */
  Object value();

  /** A quoted string, escapes already resolved. */
  record StringLiteral(String value) implements Literal {
    public StringLiteral {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A whole number without a decimal point or exponent. */
  record IntegerLiteral(long longValue) implements Literal {
    @Override
    public Object value() {
      return longValue;
    }
  }

  /** A number with a decimal point or an exponent; always finite. */
  record DecimalLiteral(double doubleValue) implements Literal {
    @Override
    public Object value() {
      return doubleValue;
    }
  }

  /** {@code true} or {@code false}. */
  record BoolLiteral(boolean boolValue) implements Literal {
    @Override
    public Object value() {
      return boolValue;
    }
  }

  /** {@code null}. */
  record NullLiteral() implements Literal {
    @Override
    public Object value() {
      return null;
    }
  }

  /** {@code [e1, e2, ...]}; elements are scalars (arrays do not nest). */
  record ArrayLiteral(List<Literal> elements) implements Literal {
    public ArrayLiteral {
      elements = List.copyOf(elements);
    }

    /** The elements' values, unmodifiable; a null element stays null (so not List.copyOf). */
    @Override
    public Object value() {
      return elements.stream().map(Literal::value).toList();
    }
  }

  static Literal of(String value) {
    return new StringLiteral(value);
  }

  static Literal of(long value) {
    return new IntegerLiteral(value);
  }

  static Literal of(double value) {
    return new DecimalLiteral(value);
  }

  static Literal of(boolean value) {
    return new BoolLiteral(value);
  }

  static Literal nullValue() {
    return new NullLiteral();
  }

  static Literal array(Literal... elements) {
    return new ArrayLiteral(List.of(elements));
  }
}
