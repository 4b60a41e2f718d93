package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code table.create t1 t2 from file.sc}: creates those tables (lower-cased, at least one) from their definitions in the schema file; the file name is as written. */
public record TableCreate(List<String> tables, String schemaFile, SourcePosition position) implements SchemaCommand {
  public TableCreate {
    tables = List.copyOf(tables);
    Objects.requireNonNull(schemaFile, "schemaFile");
    Objects.requireNonNull(position, "position");
  }
}
