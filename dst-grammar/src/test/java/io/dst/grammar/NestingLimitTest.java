package io.dst.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.grammar.ast.Command;
import org.junit.jupiter.api.Test;

class NestingLimitTest {

  private static String nested(int depth) {
    return "t.query (*) when " + "(".repeat(depth) + "a == 1" + ")".repeat(depth);
  }

  @Test
  void shouldParseConditionsNestedUpToTheLimit() {
    Command command = DstParser.parseCommand(nested(100));
    assertThat(command).isNotNull();
  }

  @Test
  void shouldRejectDeepNestingWithAParseErrorInsteadOfStackOverflow() {
    assertThatThrownBy(() -> DstParser.parseCommand(nested(20_000)))
        .isInstanceOf(ParseException.class)
        .hasMessage("line 1:146: unexpected '(': parentheses and brackets nest deeper than 128 levels");
  }

  @Test
  void shouldCountOnlyBracketsOutsideStringsAndComments() {
    String text = "t.query (*) when a == \"" + "(".repeat(500) + "\" /* " + "[".repeat(500) + " */";
    assertThat(DstParser.parseCommand(text)).isNotNull();
  }

  @Test
  void shouldReportTheNestingErrorOnTheRightLineOfAScript() {
    String script = "str.put \"k\" \"v\"\n" + nested(200);
    assertThatThrownBy(() -> DstParser.parseScript(script))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("line 2:");
  }

  @Test
  void shouldHandleLongFlatConjunctionsWithoutStackOverflow() {
    StringBuilder text = new StringBuilder("t.query (*) when a == 0");
    for (int i = 1; i < 5_000; i++) {
      text.append(" and a == ").append(i);
    }
    try {
      assertThat(DstParser.parseCommand(text.toString())).isNotNull();
    } catch (ParseException tooLong) {
      assertThat(tooLong.getMessage()).startsWith("line 1:");
    }
  }

  @Test
  void shouldKeepCountingLinesAfterAnUnterminatedString() {
    String script = "str.put \"k \n" + nested(200);
    assertThatThrownBy(() -> DstParser.parseScript(script))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("line 2:");
  }
}
