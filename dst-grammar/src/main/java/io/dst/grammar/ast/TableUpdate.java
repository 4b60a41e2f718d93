package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code t.update set a = 1, b = "x" when ...}: sets columns (at least one) on the matching rows; the when clause is required. */
public record TableUpdate(String table, List<Assignment> assignments, Condition when, SourcePosition position) implements RowCommand {
  public TableUpdate {
    Objects.requireNonNull(table, "table");
    assignments = List.copyOf(assignments);
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(position, "position");
  }
}
