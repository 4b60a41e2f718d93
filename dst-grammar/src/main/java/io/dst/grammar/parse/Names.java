package io.dst.grammar.parse;

import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;

/** Table and column names are case-insensitive: the AST always holds them lower-cased. */
final class Names {
  private Names() {}

  static String of(ParserRuleContext nameContext) {
    return nameContext.getText().toLowerCase(Locale.ROOT);
  }
}
