package io.dst.engine.expr;

/** A binary comparison between a column and a literal. Comparisons with null are never true (SQL). */
public enum CompareOp {
  EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The operator that holds when the operands are swapped ({@code 3 < a} is {@code a > 3}). */
  public CompareOp flip() {
    return switch (this) {
      case EQ, NE -> this;
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
    };
  }
}
