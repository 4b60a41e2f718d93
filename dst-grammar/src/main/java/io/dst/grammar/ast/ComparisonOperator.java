package io.dst.grammar.ast;

/** The comparison operators of a {@code when} clause; names match the engine's CompareOp constants. */
public enum ComparisonOperator {
  EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** How the operator is written in the command language. */
  public String symbol() {
    return symbol;
  }

  /** The operator that holds with the operands swapped: {@code 3 < a} is {@code a > 3}. */
  public ComparisonOperator flip() {
    return switch (this) {
      case EQ, NE -> this;
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
    };
  }
}
