package io.dst.grammar.ast;

import java.util.Objects;

/** {@code table.drop t}: drops a table. */
public record TableDrop(String table, SourcePosition position) implements SchemaCommand {
  public TableDrop {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(position, "position");
  }
}
