package io.dst.grammar.ast;

import java.util.Objects;

/** {@code t.delete when ...}: deletes the matching rows; the when clause is required. */
public record TableDelete(String table, Condition when, SourcePosition position) implements RowCommand {
  public TableDelete {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(position, "position");
  }
}
