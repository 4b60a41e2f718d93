package io.dst.grammar.parse;

import io.dst.grammar.antlr.DstLexer;
import io.dst.grammar.antlr.SchemaGrammar;
import io.dst.grammar.ast.SchemaFile;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * The ANTLR pipeline for `.sc` files. Schema files are parsed rarely (table.create), so each call gets
 * a fresh lexer and parser in full LL mode; errors carry the file name.
 */
public final class SchemaParsing {
  private static final ExpectedInput EXPECTED = new ExpectedInput(SchemaGrammar._ATN, Map.of(
      SchemaGrammar.RULE_tableName, "a table name",
      SchemaGrammar.RULE_columnDef, "a column such as [p]id: string",
      SchemaGrammar.RULE_columnName, "a column name",
      SchemaGrammar.RULE_markerName, "p or i",
      SchemaGrammar.RULE_typeRef, "a type (string, int, long, double, bool, bytes, timestamp or [type] for an array)",
      SchemaGrammar.RULE_typeName, "a type (string, int, long, double, bool, bytes or timestamp)"),
      TokenText::expected);

  private SchemaParsing() {}

  public static SchemaFile parse(String text, String sourceName) {
    DstLexer lexer = new DstLexer(CharStreams.fromString(text, sourceName));
    lexer.removeErrorListeners();
    SchemaGrammar parser = new SchemaGrammar(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.setErrorHandler(new ReportingErrorStrategy(EXPECTED, sourceName));
    return new SchemaAstBuilder(sourceName).build(parser.schemaFile());
  }
}
