package io.dst.grammar.parse;

import io.dst.grammar.antlr.CommandGrammar;
import io.dst.grammar.antlr.CommandGrammarBaseVisitor;
import io.dst.grammar.antlr.DstLexer;
import io.dst.grammar.ast.Assignment;
import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.Condition;
import io.dst.grammar.ast.DictDel;
import io.dst.grammar.ast.DictEntry;
import io.dst.grammar.ast.DictGet;
import io.dst.grammar.ast.DictKeys;
import io.dst.grammar.ast.DictPut;
import io.dst.grammar.ast.Literal;
import io.dst.grammar.ast.OrderItem;
import io.dst.grammar.ast.Projection;
import io.dst.grammar.ast.SourcePosition;
import io.dst.grammar.ast.StrDel;
import io.dst.grammar.ast.StrExists;
import io.dst.grammar.ast.StrGet;
import io.dst.grammar.ast.StrPut;
import io.dst.grammar.ast.TableAdd;
import io.dst.grammar.ast.TableCreate;
import io.dst.grammar.ast.TableDelete;
import io.dst.grammar.ast.TableDesc;
import io.dst.grammar.ast.TableDrop;
import io.dst.grammar.ast.TableList;
import io.dst.grammar.ast.TableLoad;
import io.dst.grammar.ast.TableQuery;
import io.dst.grammar.ast.TableUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@link Command}s from command parse trees; one instance per parse (it remembers the command start). */
final class CommandAstBuilder extends CommandGrammarBaseVisitor<Command> {
  private final SourceText source;
  private final LiteralReader literals;
  private final ConditionAstBuilder conditions;
  private SourcePosition position = SourcePosition.START;

  CommandAstBuilder(SourceText source) {
    this.source = source;
    this.literals = new LiteralReader(source);
    this.conditions = new ConditionAstBuilder(source, literals);
  }

  Command single(CommandGrammar.SingleCommandContext ctx) {
    return visit(ctx.command());
  }

  /** The commands of a script; two commands on one line need a {@code ;} between them. */
  List<Command> script(CommandGrammar.ScriptContext ctx) {
    List<Command> commands = new ArrayList<>();
    Token previousEnd = null;
    boolean separated = true;
    for (ParseTree child : ctx.children) {
      if (child instanceof CommandGrammar.CommandContext command) {
        Token start = command.getStart();
        if (!separated && previousEnd.getLine() == start.getLine()) {
          throw source.errorAt(start, "unexpected " + TokenText.show(start) + " after "
              + TokenText.show(previousEnd) + "; expected ';' or a new line before the next command");
        }
        commands.add(visit(command));
        previousEnd = command.getStop();
        separated = false;
      } else if (child instanceof TerminalNode terminal && terminal.getSymbol().getType() == DstLexer.SEMI) {
        separated = true;
      }
    }
    return commands;
  }

  @Override
  public Command visitCommand(CommandGrammar.CommandContext ctx) {
    position = SourceText.positionOf(ctx);
    if (ctx.strCommand() != null) {
      return visit(ctx.strCommand());
    }
    if (ctx.dictCommand() != null) {
      return visit(ctx.dictCommand());
    }
    if (ctx.tableCommand() != null) {
      return visit(ctx.tableCommand());
    }
    return visit(ctx.rowCommand());
  }

  // str.*

  @Override
  public Command visitStrPut(CommandGrammar.StrPutContext ctx) {
    List<TerminalNode> args = ctx.twoStrings().STRING();
    return new StrPut(string(args.get(0)), string(args.get(1)), position);
  }

  @Override
  public Command visitStrGet(CommandGrammar.StrGetContext ctx) {
    return new StrGet(string(ctx.oneString().STRING()), position);
  }

  @Override
  public Command visitStrDel(CommandGrammar.StrDelContext ctx) {
    return new StrDel(string(ctx.oneString().STRING()), position);
  }

  @Override
  public Command visitStrExists(CommandGrammar.StrExistsContext ctx) {
    return new StrExists(string(ctx.oneString().STRING()), position);
  }

  // dict.*

  @Override
  public Command visitDictPut(CommandGrammar.DictPutContext ctx) {
    List<TerminalNode> args = ctx.dictPutArgs().STRING();
    List<DictEntry> entries = new ArrayList<>(args.size() / 2);
    for (int i = 1; i + 1 < args.size(); i += 2) {
      entries.add(new DictEntry(string(args.get(i)), string(args.get(i + 1))));
    }
    return new DictPut(string(args.get(0)), entries, position);
  }

  @Override
  public Command visitDictGet(CommandGrammar.DictGetContext ctx) {
    List<TerminalNode> args = ctx.oneOrTwoStrings().STRING();
    Optional<String> field = args.size() == 2 ? Optional.of(string(args.get(1))) : Optional.empty();
    return new DictGet(string(args.get(0)), field, position);
  }

  @Override
  public Command visitDictDel(CommandGrammar.DictDelContext ctx) {
    List<TerminalNode> args = ctx.stringList().STRING();
    List<String> fields = new ArrayList<>(args.size() - 1);
    for (int i = 1; i < args.size(); i++) {
      fields.add(string(args.get(i)));
    }
    return new DictDel(string(args.get(0)), fields, position);
  }

  @Override
  public Command visitDictKeys(CommandGrammar.DictKeysContext ctx) {
    return new DictKeys(string(ctx.oneString().STRING()), position);
  }

  // table.*

  @Override
  public Command visitTableCreate(CommandGrammar.TableCreateContext ctx) {
    List<String> tables = new ArrayList<>();
    for (CommandGrammar.TableNameContext name : ctx.tableNames().tableName()) {
      tables.add(Names.of(name));
    }
    Token file = ctx.schemaSource().getStart();
    String schemaFile = file.getType() == DstLexer.STRING ? literals.string(file) : file.getText();
    return new TableCreate(tables, schemaFile, position);
  }

  @Override
  public Command visitTableDrop(CommandGrammar.TableDropContext ctx) {
    return new TableDrop(Names.of(ctx.oneTable().tableName()), position);
  }

  @Override
  public Command visitTableList(CommandGrammar.TableListContext ctx) {
    return new TableList(position);
  }

  @Override
  public Command visitTableDesc(CommandGrammar.TableDescContext ctx) {
    return new TableDesc(Names.of(ctx.oneTable().tableName()), position);
  }

  @Override
  public Command visitTableLoad(CommandGrammar.TableLoadContext ctx) {
    return new TableLoad(Names.of(ctx.tableName()), literals.string(ctx.STRING().getSymbol()), position);
  }

  // <table>.*

  @Override
  public Command visitTableAdd(CommandGrammar.TableAddContext ctx) {
    List<CommandGrammar.LiteralContext> values = ctx.rowValues().literal();
    List<Literal> row = new ArrayList<>(values.size());
    for (CommandGrammar.LiteralContext value : values) {
      row.add(literals.read(value));
    }
    return new TableAdd(table(ctx), row, position);
  }

  @Override
  public Command visitTableQuery(CommandGrammar.TableQueryContext ctx) {
    Projection projection;
    if (ctx.projection().STAR() != null) {
      projection = Projection.all();
    } else {
      List<String> columns = new ArrayList<>();
      for (CommandGrammar.ColumnNameContext name : ctx.projection().columnName()) {
        columns.add(Names.of(name));
      }
      projection = new Projection.Columns(columns);
    }
    Optional<Condition> when = ctx.whenClause() == null
        ? Optional.empty() : Optional.of(condition(ctx.whenClause()));
    List<OrderItem> orderBy = new ArrayList<>();
    if (ctx.orderClause() != null) {
      for (CommandGrammar.OrderItemContext item : ctx.orderClause().orderItem()) {
        orderBy.add(new OrderItem(Names.of(item.columnName()), item.DESC() != null));
      }
    }
    OptionalLong limit = OptionalLong.empty();
    if (ctx.limitClause() != null) {
      Token count = ctx.limitClause().INTEGER().getSymbol();
      long value = literals.integer(count);
      if (value < 0) {
        throw source.errorAt(count, "limit " + value + " is negative; expected a count of 0 or more");
      }
      limit = OptionalLong.of(value);
    }
    return new TableQuery(table(ctx), projection, when, orderBy, limit, position);
  }

  @Override
  public Command visitTableDelete(CommandGrammar.TableDeleteContext ctx) {
    return new TableDelete(table(ctx), condition(ctx.whenClause()), position);
  }

  @Override
  public Command visitTableUpdate(CommandGrammar.TableUpdateContext ctx) {
    List<Assignment> assignments = new ArrayList<>();
    for (CommandGrammar.AssignmentContext a : ctx.assignment()) {
      assignments.add(new Assignment(Names.of(a.columnName()), literals.read(a.literal())));
    }
    return new TableUpdate(table(ctx), assignments, condition(ctx.whenClause()), position);
  }

  private Condition condition(CommandGrammar.WhenClauseContext ctx) {
    return conditions.visit(ctx.condition());
  }

  private static String table(CommandGrammar.RowCommandContext ctx) {
    return Names.of(((CommandGrammar.CommandContext) ctx.getParent()).tableName());
  }

  private String string(TerminalNode node) {
    return literals.string(node.getSymbol());
  }
}
