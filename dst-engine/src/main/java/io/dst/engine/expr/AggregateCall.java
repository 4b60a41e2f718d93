package io.dst.engine.expr;

/** One aggregate over a table column ordinal ({@code column} is ignored, use -1, for COUNT_STAR). */
public record AggregateCall(AggregateFunction function, int column) {
  public static AggregateCall countStar() {
    return new AggregateCall(AggregateFunction.COUNT_STAR, -1);
  }
}
