package io.dst.jdbc.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  @Test
  void aCommandEndsWithItsLine() {
    StatementSplitter.Split s = StatementSplitter.split("str.put \"k1\" \"v1\"\nstr.get \"k1\"");
    assertThat(s.statements()).containsExactly("str.put \"k1\" \"v1\"", "str.get \"k1\"");
    assertThat(s.complete()).isTrue();
  }

  @Test
  void sqlContinuesUntilASemicolon() {
    StatementSplitter.Split open = StatementSplitter.split("SELECT *\nFROM t\n");
    assertThat(open.statements()).isEmpty();
    assertThat(open.complete()).isFalse();
    StatementSplitter.Split closed = StatementSplitter.split("SELECT *\nFROM t\nWHERE a = 1;");
    assertThat(closed.statements()).containsExactly("SELECT *\nFROM t\nWHERE a = 1");
  }

  @Test
  void semicolonsInsideQuotesDoNotEndAStatement() {
    StatementSplitter.Split s = StatementSplitter.split("SELECT 'a;b', \"c;d\" FROM t; str.put \"x;\" \"y\\\";\"\n");
    assertThat(s.statements()).containsExactly("SELECT 'a;b', \"c;d\" FROM t", "str.put \"x;\" \"y\\\";\"");
  }

  @Test
  void anOpenBracketOrQuoteCarriesACommandOntoTheNextLine() {
    assertThat(StatementSplitter.split("t.add \"1\", [\"a\",\n").complete()).isFalse();
    assertThat(StatementSplitter.split("t.add \"1\", [\"a\",\n\"b\"]\n").statements())
        .containsExactly("t.add \"1\", [\"a\",\n\"b\"]");
    assertThat(StatementSplitter.split("str.put \"multi\nline\" \"v\"\n").statements())
        .containsExactly("str.put \"multi\nline\" \"v\"");
  }

  @Test
  void severalStatementsOnOneLineAndATrailingSemicolonOnACommand() {
    assertThat(StatementSplitter.split("str.put \"a\" \"1\"; str.get \"a\";\n").statements())
        .containsExactly("str.put \"a\" \"1\"", "str.get \"a\"");
  }

  @Test
  void commentsAndBlankLinesAreDropped() {
    String script = "# a script\n\n-- set up\nstr.put \"a\" \"1\" -- trailing\n  # indented comment\nSELECT 1; -- done\n";
    assertThat(StatementSplitter.split(script).statements()).containsExactly("str.put \"a\" \"1\"", "SELECT 1");
  }

  @Test
  void shellWordsEndWithTheirLine() {
    assertThat(StatementSplitter.split("help\nexit\n").statements()).isEqualTo(List.of("help", "exit"));
    assertThat(StatementSplitter.split("quit;").statements()).isEqualTo(List.of("quit"));
  }
}
