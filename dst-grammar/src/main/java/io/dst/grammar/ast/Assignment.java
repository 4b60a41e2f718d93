package io.dst.grammar.ast;

import java.util.Objects;

/** One {@code column = value} of an update's {@code set} list; the column name is lower-cased. */
public record Assignment(String column, Literal value) {
  public Assignment {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
  }
}
