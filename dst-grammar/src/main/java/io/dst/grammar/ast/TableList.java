package io.dst.grammar.ast;

import java.util.Objects;

/** {@code table.list}: lists the tables. */
public record TableList(SourcePosition position) implements SchemaCommand {
  public TableList {
    Objects.requireNonNull(position, "position");
  }
}
