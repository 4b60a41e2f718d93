package io.dst.grammar.parse;

import io.dst.grammar.ParseException;
import io.dst.grammar.antlr.DstLexer;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;

/**
 * Turns the first syntax error into a {@link ParseException} instead of recovering: a command is
 * short, so one precise message beats ANTLR's recovery and its console text. ANTLR's own reporting
 * paths (mismatch, no viable alternative, unwanted or missing token) all end here.
 */
final class ReportingErrorStrategy extends DefaultErrorStrategy {
  private final ExpectedInput expectedInput;
  private final String sourceName;

  ReportingErrorStrategy(ExpectedInput expectedInput, String sourceName) {
    this.expectedInput = expectedInput;
    this.sourceName = sourceName;
  }

  /**
   * ANTLR remembers the last state where an optional part could have been skipped, so a mismatch at
   * the same token can list those parts too; once a token is matched that memory is stale and would
   * describe the wrong place, so forget it.
   */
  @Override
  public void reportMatch(Parser recognizer) {
    super.reportMatch(recognizer);
    forgetSkippablePoint();
  }

  @Override
  public void reset(Parser recognizer) {
    super.reset(recognizer);
    forgetSkippablePoint();
  }

  private void forgetSkippablePoint() {
    nextTokensContext = null;
    nextTokensState = ATNState.INVALID_STATE_NUMBER;
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
    if (e instanceof NoViableAltException noViable && noViable.getStartToken() != offending) {
      // The decision failed after looking ahead: what is expected at the offending token is not
      // what the decision state expects, so name only the token.
      throw unexpected(recognizer, offending, "");
    }
    throw unexpected(recognizer, offending, expectedInput.describe(e.getOffendingState(), e.getCtx(), offending));
  }

  @Override
  protected void reportUnwantedToken(Parser recognizer) {
    throw atCurrentToken(recognizer);
  }

  @Override
  protected void reportMissingToken(Parser recognizer) {
    throw atCurrentToken(recognizer);
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    throw atCurrentToken(recognizer);
  }

  private ParseException atCurrentToken(Parser recognizer) {
    Token offending = recognizer.getCurrentToken();
    // If an optional part or loop could have continued at this very token, describe from there.
    String expected = nextTokensContext != null
        ? expectedInput.describe(nextTokensState, nextTokensContext, offending)
        : expectedInput.describe(recognizer.getState(), recognizer.getContext(), offending);
    return unexpected(recognizer, offending, expected);
  }

  private ParseException unexpected(Parser recognizer, Token offending, String expected) {
    int line = offending.getLine();
    int column = offending.getCharPositionInLine() + 1;
    switch (offending.getType()) {
      case DstLexer.UNTERMINATED_STRING:
        return new ParseException(sourceName, line, column,
            "unterminated string " + TokenText.show(offending) + "; expected a closing '\"' before the end of the line");
      case DstLexer.UNTERMINATED_COMMENT:
        return new ParseException(sourceName, line, column,
            "unterminated comment; expected '*/' before the end of input");
      default:
        break;
    }
    StringBuilder reason = new StringBuilder("unexpected ").append(TokenText.show(offending));
    Token previous = previous(recognizer.getInputStream(), offending);
    if (previous != null) {
      reason.append(" after ").append(TokenText.show(previous));
    }
    if (!expected.isEmpty()) {
      reason.append("; expected ").append(expected);
      if (TokenText.isReservedWord(offending) && (expected.contains("name") || expected.contains("column"))) {
        reason.append(" ('").append(offending.getText()).append("' is a reserved word)");
      }
    }
    return new ParseException(sourceName, line, column, reason.toString());
  }

  private static Token previous(TokenStream tokens, Token token) {
    int index = token.getTokenIndex() - 1;
    return index >= 0 ? tokens.get(index) : null;
  }
}
