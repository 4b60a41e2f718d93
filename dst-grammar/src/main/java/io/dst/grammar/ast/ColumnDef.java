package io.dst.grammar.ast;

import java.util.Objects;

/**
 * One column of a table in a `.sc` file: {@code [p]} marks the primary key, {@code [i]} a secondary
 * index. The name is lower-cased; the position is that of the column's first token.
 */
public record ColumnDef(String name, TypeRef type, boolean primaryKey, boolean indexed, SourcePosition position) {
  public ColumnDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(position, "position");
  }
}
