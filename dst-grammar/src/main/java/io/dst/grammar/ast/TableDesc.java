package io.dst.grammar.ast;

import java.util.Objects;

/** {@code table.desc t}: describes a table's columns. */
public record TableDesc(String table, SourcePosition position) implements SchemaCommand {
  public TableDesc {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(position, "position");
  }
}
