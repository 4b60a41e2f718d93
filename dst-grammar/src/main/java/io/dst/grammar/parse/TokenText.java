package io.dst.grammar.parse;

import io.dst.grammar.antlr.DstLexer;
import org.antlr.v4.runtime.Token;

/** How tokens are shown in error messages: quoted, shortened, and with end of input spelled out. */
final class TokenText {
  private static final int MAX_SHOWN = 24;

  private TokenText() {}

  /** The offending or preceding token as a message shows it, e.g. {@code ','}, {@code "k1"}, end of input. */
  static String show(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of input";
    }
    String text = token.getText();
    return switch (token.getType()) {
      case DstLexer.STRING, DstLexer.UNTERMINATED_STRING -> shorten(text);
      case DstLexer.ERROR_CHAR -> "character " + showChar(text);
      default -> "'" + shorten(text) + "'";
    };
  }

  /** The phrase for an expected token type: {@code ';'}, {@code 'when'}, a quoted string. */
  static String expected(int tokenType) {
    return switch (tokenType) {
      case Token.EOF -> "end of input";
      case DstLexer.STRING -> "a quoted string";
      case DstLexer.INTEGER -> "an integer";
      case DstLexer.DECIMAL -> "a decimal number";
      case DstLexer.IDENT -> "a name";
      case DstLexer.SCHEMA_FILE_NAME -> "a schema file name such as tables.sc";
      case DstLexer.ORDER -> "'order by'";
      default -> {
        String literal = DstLexer.VOCABULARY.getLiteralName(tokenType);
        yield literal != null ? literal : DstLexer.VOCABULARY.getDisplayName(tokenType);
      }
    };
  }

  static boolean isReservedWord(Token token) {
    int type = token.getType();
    return type >= DstLexer.STR && type <= DstLexer.SET;
  }

  private static String showChar(String text) {
    int cp = text.codePointAt(0);
    if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)) {
      return String.format("U+%04X", cp);
    }
    return "'" + text + "'";
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
  }
}
