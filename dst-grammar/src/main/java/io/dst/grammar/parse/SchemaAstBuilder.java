package io.dst.grammar.parse;

import io.dst.grammar.antlr.SchemaGrammar;
import io.dst.grammar.ast.ColumnDef;
import io.dst.grammar.ast.ScalarTypeName;
import io.dst.grammar.ast.SchemaFile;
import io.dst.grammar.ast.TableDef;
import io.dst.grammar.ast.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Builds a {@link SchemaFile} from a `.sc` parse tree and checks what the grammar leaves open: marker
 * and type names, at most one {@code [p]} per table, no duplicate table or column names.
 */
final class SchemaAstBuilder {
  private static final String TYPE_NAMES = "string, int, long, double, bool, bytes or timestamp";

  private final String sourceName;
  private final SourceText source;

  SchemaAstBuilder(String sourceName) {
    this.sourceName = sourceName;
    this.source = new SourceText(sourceName);
  }

  SchemaFile build(SchemaGrammar.SchemaFileContext ctx) {
    Map<String, TableDef> tables = new LinkedHashMap<>();
    for (SchemaGrammar.TableDefContext tableContext : ctx.tableDef()) {
      TableDef table = table(tableContext);
      TableDef earlier = tables.putIfAbsent(table.name(), table);
      if (earlier != null) {
        throw source.errorAt(tableContext.tableName().getStart(), "duplicate table '" + table.name()
            + "'; it is already defined at " + earlier.position());
      }
    }
    return new SchemaFile(sourceName, new ArrayList<>(tables.values()));
  }

  private TableDef table(SchemaGrammar.TableDefContext ctx) {
    String tableName = Names.of(ctx.tableName());
    Map<String, ColumnDef> columns = new LinkedHashMap<>();
    ColumnDef primaryKey = null;
    for (SchemaGrammar.ColumnDefContext columnContext : ctx.columnDef()) {
      ColumnDef column = column(columnContext);
      ColumnDef earlier = columns.putIfAbsent(column.name(), column);
      if (earlier != null) {
        throw source.errorAt(columnContext.columnName().getStart(), "duplicate column '" + column.name()
            + "' in table '" + tableName + "'; it is already defined at " + earlier.position());
      }
      if (column.primaryKey()) {
        if (primaryKey != null) {
          throw source.errorAt(columnContext.getStart(), "second primary key '" + column.name()
              + "' in table '" + tableName + "', which already has '" + primaryKey.name() + "' at "
              + primaryKey.position() + "; a table has at most one [p] column");
        }
        primaryKey = column;
      }
    }
    return new TableDef(tableName, new ArrayList<>(columns.values()), SourceText.positionOf(ctx));
  }

  private ColumnDef column(SchemaGrammar.ColumnDefContext ctx) {
    boolean primaryKey = false;
    boolean indexed = false;
    if (ctx.marker() != null) {
      String marker = Names.of(ctx.marker().markerName());
      switch (marker) {
        case "p" -> primaryKey = true;
        case "i" -> indexed = true;
        default -> throw source.errorAt(ctx.marker().markerName().getStart(), "unknown column marker '["
            + marker + "]'; expected [p] for the primary key or [i] for an index");
      }
    }
    SchemaGrammar.TypeRefContext typeContext = ctx.typeRef();
    TypeRef type = new TypeRef(scalar(typeContext.typeName()), typeContext.LBRACKET() != null);
    return new ColumnDef(Names.of(ctx.columnName()), type, primaryKey, indexed, SourceText.positionOf(ctx));
  }

  private ScalarTypeName scalar(SchemaGrammar.TypeNameContext ctx) {
    String name = ctx.getText().toLowerCase(Locale.ROOT);
    for (ScalarTypeName type : ScalarTypeName.values()) {
      if (type.keyword().equals(name)) {
        return type;
      }
    }
    Token token = ctx.getStart();
    throw source.errorAt(token, "unknown type '" + token.getText() + "'; expected " + TYPE_NAMES);
  }
}
