package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code t.add v1, v2, ...}: adds one row, values in the table's column order. */
public record TableAdd(String table, List<Literal> values, SourcePosition position) implements RowCommand {
  public TableAdd {
    Objects.requireNonNull(table, "table");
    values = List.copyOf(values);
    Objects.requireNonNull(position, "position");
  }
}
