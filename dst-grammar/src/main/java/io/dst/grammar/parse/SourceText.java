package io.dst.grammar.parse;

import io.dst.grammar.ParseException;
import io.dst.grammar.ast.SourcePosition;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Positions and errors tied to tokens of one source text (a command line or a `.sc` file). */
final class SourceText {
  private final String sourceName;

  SourceText(String sourceName) {
    this.sourceName = sourceName;
  }

  static SourcePosition positionOf(Token token) {
    int line = token.getLine();
    int column = token.getCharPositionInLine() + 1;
    return line == 1 && column == 1 ? SourcePosition.START : new SourcePosition(line, column);
  }

  static SourcePosition positionOf(ParserRuleContext ctx) {
    return positionOf(ctx.getStart());
  }

  ParseException errorAt(Token token, String reason) {
    return new ParseException(sourceName, token.getLine(), token.getCharPositionInLine() + 1, reason);
  }

  ParseException errorAt(Token token, int codePointOffset, String reason) {
    return new ParseException(sourceName, token.getLine(), token.getCharPositionInLine() + 1 + codePointOffset, reason);
  }
}
