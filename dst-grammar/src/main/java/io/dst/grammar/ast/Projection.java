package io.dst.grammar.ast;

import java.util.List;

/** What a query returns: {@code (*)} for every column in table order, or {@code (a, b)} for those columns. */
public sealed interface Projection {

  /** {@code (*)}. */
  record AllColumns() implements Projection {}

  /** {@code (a, b, ...)}; lower-cased names in the order written, at least one. */
  record Columns(List<String> names) implements Projection {
    public Columns {
      names = List.copyOf(names);
    }
  }

  static Projection all() {
    return new AllColumns();
  }

  static Projection columns(String... names) {
    return new Columns(List.of(names));
  }
}
