package io.dst.grammar.parse;

import io.dst.grammar.antlr.CommandGrammar;
import io.dst.grammar.antlr.DstLexer;
import io.dst.grammar.ast.Command;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The ANTLR pipeline for commands. Lexer, token stream and parser are costly to create, so each
 * thread keeps one set and resets it per call. Parsing first runs in SLL mode, which is fast and
 * right for every valid input; only on an error does it re-run in full LL mode with the reporting
 * error strategy, so that the message reflects the real grammar.
 */
public final class CommandParsing {
  private static final ExpectedInput EXPECTED = new ExpectedInput(CommandGrammar._ATN, Map.of(
      CommandGrammar.RULE_command, "a command",
      CommandGrammar.RULE_tableName, "a table name",
      CommandGrammar.RULE_columnName, "a column name",
      CommandGrammar.RULE_literal, "a value",
      CommandGrammar.RULE_scalarLiteral, "a scalar value (string, number, true, false or null)",
      CommandGrammar.RULE_compareOp, "a comparison operator (==, !=, <, <=, >, >=)",
      CommandGrammar.RULE_schemaSource, "a schema file name such as tables.sc or a quoted path",
      CommandGrammar.RULE_condition, "a condition",
      CommandGrammar.RULE_notCondition, "a condition"),
      TokenText::expected);

  private static final ThreadLocal<CommandParsing> PER_THREAD = ThreadLocal.withInitial(CommandParsing::new);

  private final DstLexer lexer = new DstLexer(CharStreams.fromString(""));
  private final CommonTokenStream tokens = new CommonTokenStream(lexer);
  private final CommandGrammar parser = new CommandGrammar(tokens);
  private final BailErrorStrategy bail = new BailErrorStrategy();
  private final ReportingErrorStrategy reporting = new ReportingErrorStrategy(EXPECTED, null);

  private CommandParsing() {
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
  }

  /** One command through ANTLR only (no fast path); tests compare it with the fast path. */
  public static Command parseCommandWithAntlr(String text) {
    CommandParsing p = PER_THREAD.get();
    CommandGrammar.SingleCommandContext tree = p.parse(text, CommandGrammar::singleCommand);
    return new CommandAstBuilder(new SourceText(null)).single(tree);
  }

  /** One command: the hand-written fast path when it applies, else ANTLR. */
  public static Command parseCommand(String text) {
    Command fast = FastKvCommandParser.tryParse(text);
    return fast != null ? fast : parseCommandWithAntlr(text);
  }

  /** Commands separated by {@code ;} or new lines, always through ANTLR. */
  public static List<Command> parseScript(String text) {
    CommandParsing p = PER_THREAD.get();
    CommandGrammar.ScriptContext tree = p.parse(text, CommandGrammar::script);
    return new CommandAstBuilder(new SourceText(null)).script(tree);
  }

  private <T> T parse(String text, Function<CommandGrammar, T> rule) {
    NestingGuard.check(text, null);
    lexer.setInputStream(CharStreams.fromString(text));
    tokens.setTokenSource(lexer);
    parser.setTokenStream(tokens);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(bail);
    try {
      return rule.apply(parser);
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(reporting);
      reporting.reset(parser);
      return rule.apply(parser);
    }
  }
}
