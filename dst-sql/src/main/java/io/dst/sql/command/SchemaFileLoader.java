package io.dst.sql.command;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.DataStore;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.grammar.DstParser;
import io.dst.grammar.ast.ColumnDef;
import io.dst.grammar.ast.SchemaFile;
import io.dst.grammar.ast.TableCreate;
import io.dst.grammar.ast.TableDef;
import io.dst.sql.schema.DstSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code table.create t1 t2 from FILE.sc}: reads the file (relative paths against the session's
 * working directory), parses it, checks every named table is defined there, then creates them.
 */
final class SchemaFileLoader {
  private final DataStore store;
  private final DstSchema schema;

  SchemaFileLoader(DataStore store, DstSchema schema) {
    this.store = store;
    this.schema = schema;
  }

  void create(TableCreate command, Path workingDirectory) {
    Path file = workingDirectory.resolve(command.schemaFile());
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, command.position() + ": schema file " + file + " does not exist");
    } catch (IOException e) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, command.position() + ": cannot read schema file "
          + file + ": " + e.getMessage(), e);
    }
    SchemaFile parsed = DstParser.parseSchema(text, file.getFileName().toString());
    List<TableSchema> tables = new ArrayList<>();
    for (String name : command.tables()) {
      TableDef def = parsed.table(name).orElseThrow(() -> new DstException(ErrorCode.UNKNOWN_TABLE,
          command.position() + ": schema file " + command.schemaFile() + " defines no table " + name));
      tables.add(toSchema(def));
    }
    try {
      for (TableSchema table : tables) {
        store.createTable(table, false);
      }
    } finally {
      schema.invalidate();
    }
  }

  static TableSchema toSchema(TableDef def) {
    List<Column> columns = new ArrayList<>();
    for (ColumnDef c : def.columns()) {
      ScalarType scalar = ScalarType.valueOf(c.type().scalar().name());
      ColumnType type = c.type().array() ? ColumnType.arrayOf(scalar) : ColumnType.of(scalar);
      columns.add(new Column(c.name(), type, c.primaryKey(), c.indexed(), !c.primaryKey()));
    }
    return new TableSchema(def.name(), columns);
  }
}
