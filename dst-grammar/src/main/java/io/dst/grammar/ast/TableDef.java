package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code table NAME { ... }} block of a `.sc` file. It has at most one primary-key column; without one
 * the engine gives the table a hidden row id. The name is lower-cased.
 */
public record TableDef(String name, List<ColumnDef> columns, SourcePosition position) {
  public TableDef {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(position, "position");
  }

  /** The {@code [p]} column, if the table has one. */
  public Optional<ColumnDef> primaryKey() {
    return columns.stream().filter(ColumnDef::primaryKey).findFirst();
  }
}
