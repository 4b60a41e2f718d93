package io.dst.grammar.ast;

import java.util.Objects;

/** {@code table.load t from "file.csv"}: bulk-imports a CSV file with a header row into table t (lower-cased); the file name is as written. */
public record TableLoad(String table, String csvFile, SourcePosition position) implements SchemaCommand {
  public TableLoad {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(csvFile, "csvFile");
    Objects.requireNonNull(position, "position");
  }
}
