package io.dst.grammar.parse;

import io.dst.grammar.antlr.CommandGrammar;
import io.dst.grammar.antlr.DstLexer;
import io.dst.grammar.ast.Literal;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Turns literal parse trees into {@link Literal}s, rejecting numbers that do not fit a long or a double. */
final class LiteralReader {
  private static final Literal TRUE = Literal.of(true);
  private static final Literal FALSE = Literal.of(false);
  private static final Literal NULL = Literal.nullValue();

  private final SourceText source;

  LiteralReader(SourceText source) {
    this.source = source;
  }

  Literal read(CommandGrammar.LiteralContext ctx) {
    if (ctx.scalarLiteral() != null) {
      return scalar(ctx.scalarLiteral());
    }
    return new Literal.ArrayLiteral(scalars(ctx.arrayLiteral().scalarLiteral()));
  }

  List<Literal> scalars(List<CommandGrammar.ScalarLiteralContext> contexts) {
    List<Literal> values = new ArrayList<>(contexts.size());
    for (CommandGrammar.ScalarLiteralContext c : contexts) {
      values.add(scalar(c));
    }
    return values;
  }

  Literal scalar(CommandGrammar.ScalarLiteralContext ctx) {
    Token token = ctx.getStart();
    return switch (token.getType()) {
      case DstLexer.STRING -> Literal.of(string(token));
      case DstLexer.INTEGER -> Literal.of(integer(token));
      case DstLexer.DECIMAL -> Literal.of(decimal(token));
      case DstLexer.TRUE -> TRUE;
      case DstLexer.FALSE -> FALSE;
      case DstLexer.NULL -> NULL;
      default -> throw new IllegalStateException("grammar and reader disagree on token " + token);
    };
  }

  String string(Token token) {
    return StringLiteralDecoder.decode(token, source);
  }

  long integer(Token token) {
    try {
      return Long.parseLong(token.getText());
    } catch (NumberFormatException e) {
      throw source.errorAt(token, "integer " + token.getText()
          + " is out of range; integers must lie between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
    }
  }

  private double decimal(Token token) {
    double value = Double.parseDouble(token.getText());
    if (Double.isInfinite(value)) {
      throw source.errorAt(token, "number " + token.getText() + " is out of range for a double");
    }
    return value;
  }
}
