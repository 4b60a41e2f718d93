package io.dst.grammar.parse;

import io.dst.grammar.antlr.DstLexer;
import io.dst.grammar.antlr.SchemaGrammar;
import io.dst.grammar.ast.SchemaFile;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The ANTLR pipeline for `.sc` files, built like {@link CommandParsing}: per-thread lexer and parser,
 * SLL first, full LL with the reporting strategy only on error. Errors carry the file name.
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

  private static final ThreadLocal<SchemaParsing> PER_THREAD = ThreadLocal.withInitial(SchemaParsing::new);

  private final DstLexer lexer = new DstLexer(CharStreams.fromString(""));
  private final CommonTokenStream tokens = new CommonTokenStream(lexer);
  private final SchemaGrammar parser = new SchemaGrammar(tokens);
  private final BailErrorStrategy bail = new BailErrorStrategy();

  private SchemaParsing() {
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
  }

  /** A whole `.sc` file; sourceName prefixes error messages. */
  public static SchemaFile parse(String text, String sourceName) {
    return new SchemaAstBuilder(sourceName).build(PER_THREAD.get().tree(text, sourceName));
  }

  private SchemaGrammar.SchemaFileContext tree(String text, String sourceName) {
    NestingGuard.check(text, sourceName);
    lexer.setInputStream(CharStreams.fromString(text, sourceName));
    tokens.setTokenSource(lexer);
    parser.setTokenStream(tokens);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(bail);
    try {
      return parser.schemaFile();
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new ReportingErrorStrategy(EXPECTED, sourceName));
      return parser.schemaFile();
    }
  }
}
