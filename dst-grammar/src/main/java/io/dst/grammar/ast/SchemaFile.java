package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed `.sc` file: its tables in file order, and the name it was read from (for messages). */
public record SchemaFile(String sourceName, List<TableDef> tables) {
  public SchemaFile {
    Objects.requireNonNull(sourceName, "sourceName");
    tables = List.copyOf(tables);
  }

  /** The table of that (lower-case) name, if the file defines it. */
  public Optional<TableDef> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
