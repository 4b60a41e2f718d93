package io.dst.grammar.ast;

import java.util.Objects;

/** One {@code order by} key: a lower-cased column name and its direction ({@code asc} by default). */
public record OrderItem(String column, boolean descending) {
  public OrderItem {
    Objects.requireNonNull(column, "column");
  }

  public static OrderItem asc(String column) {
    return new OrderItem(column, false);
  }

  public static OrderItem desc(String column) {
    return new OrderItem(column, true);
  }
}
