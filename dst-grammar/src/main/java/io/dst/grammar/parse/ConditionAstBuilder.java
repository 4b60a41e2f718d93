package io.dst.grammar.parse;

import io.dst.grammar.antlr.CommandGrammar;
import io.dst.grammar.antlr.CommandGrammarBaseVisitor;
import io.dst.grammar.antlr.DstLexer;
import io.dst.grammar.ast.ComparisonOperator;
import io.dst.grammar.ast.Condition;
import io.dst.grammar.ast.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link Condition} of a {@code when} clause: column always on the left of a comparison,
 * and/or chains flattened, {@code not in} and {@code is not null} as {@link Condition.Not}.
 */
final class ConditionAstBuilder extends CommandGrammarBaseVisitor<Condition> {
  private final SourceText source;
  private final LiteralReader literals;

  ConditionAstBuilder(SourceText source, LiteralReader literals) {
    this.source = source;
    this.literals = literals;
  }

  @Override
  public Condition visitCondition(CommandGrammar.ConditionContext ctx) {
    if (ctx.andCondition().size() == 1) {
      return visit(ctx.andCondition(0));
    }
    List<Condition> terms = new ArrayList<>();
    for (CommandGrammar.AndConditionContext term : ctx.andCondition()) {
      Condition c = visit(term);
      if (c instanceof Condition.Or or) {
        terms.addAll(or.terms());
      } else {
        terms.add(c);
      }
    }
    return new Condition.Or(terms);
  }

  @Override
  public Condition visitAndCondition(CommandGrammar.AndConditionContext ctx) {
    if (ctx.notCondition().size() == 1) {
      return visit(ctx.notCondition(0));
    }
    List<Condition> terms = new ArrayList<>();
    for (CommandGrammar.NotConditionContext term : ctx.notCondition()) {
      Condition c = visit(term);
      if (c instanceof Condition.And and) {
        terms.addAll(and.terms());
      } else {
        terms.add(c);
      }
    }
    return new Condition.And(terms);
  }

  @Override
  public Condition visitNotCondition(CommandGrammar.NotConditionContext ctx) {
    if (ctx.NOT() != null) {
      return new Condition.Not(visit(ctx.notCondition()));
    }
    return visit(ctx.primaryCondition());
  }

  @Override
  public Condition visitParenthesized(CommandGrammar.ParenthesizedContext ctx) {
    return visit(ctx.condition());
  }

  @Override
  public Condition visitColumnCondition(CommandGrammar.ColumnConditionContext ctx) {
    String column = Names.of(ctx.columnName());
    CommandGrammar.ColumnTestContext test = ctx.columnTest();
    if (test instanceof CommandGrammar.ComparisonContext comparison) {
      return compare(column, operator(comparison.compareOp()), comparison.literal());
    }
    if (test instanceof CommandGrammar.InListContext in) {
      Condition condition = new Condition.In(column, literals.scalars(in.scalarLiteral()));
      return in.NOT() != null ? new Condition.Not(condition) : condition;
    }
    CommandGrammar.NullTestContext nullTest = (CommandGrammar.NullTestContext) test;
    Condition condition = new Condition.IsNull(column);
    return nullTest.NOT() != null ? new Condition.Not(condition) : condition;
  }

  @Override
  public Condition visitReversedComparison(CommandGrammar.ReversedComparisonContext ctx) {
    return compare(Names.of(ctx.columnName()), operator(ctx.compareOp()).flip(), ctx.literal());
  }

  private Condition compare(String column, ComparisonOperator op, CommandGrammar.LiteralContext valueContext) {
    Literal value = literals.read(valueContext);
    if (value instanceof Literal.NullLiteral) {
      throw source.errorAt(valueContext.getStart(), "cannot compare '" + column + "' with null using '"
          + op.symbol() + "'; write '" + column + " is null' or '" + column + " is not null'");
    }
    return new Condition.Compare(column, op, value);
  }

  private static ComparisonOperator operator(CommandGrammar.CompareOpContext ctx) {
    return switch (ctx.getStart().getType()) {
      case DstLexer.EQ -> ComparisonOperator.EQ;
      case DstLexer.NE -> ComparisonOperator.NE;
      case DstLexer.LT -> ComparisonOperator.LT;
      case DstLexer.LE -> ComparisonOperator.LE;
      case DstLexer.GT -> ComparisonOperator.GT;
      case DstLexer.GE -> ComparisonOperator.GE;
      default -> throw new IllegalStateException("grammar and builder disagree on " + ctx.getText());
    };
  }
}
