package io.dst.grammar.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.grammar.ParseException;
import io.dst.grammar.ast.Command;
import io.dst.grammar.random.CommandTextGenerator;
import io.dst.grammar.random.Mutator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written fast path must build exactly the AST the ANTLR parser builds (positions included),
 * and must give up on everything ANTLR would reject.
 */
class FastPathEquivalenceTest {
  private static final long SEED = 77L;

  @Test
  void shouldAgreeWithAntlrOnGeneratedPlainKvCommands() {
    CommandTextGenerator generator = new CommandTextGenerator(new Random(SEED));
    for (int i = 0; i < 10_000; i++) {
      String text = generator.plainKvCommand();
      Command fast = FastKvCommandParser.tryParse(text);
      assertThat(fast).as("fast path should take %s", text).isNotNull();
      assertThat(fast).as("for %s", text).isEqualTo(CommandParsing.parseCommandWithAntlr(text));
    }
  }

  @Test
  void shouldAgreeWithAntlrOrStepAsideOnGeneratedAndMutatedCommands() {
    Random random = new Random(SEED + 1);
    CommandTextGenerator generator = new CommandTextGenerator(random);
    Mutator mutator = new Mutator(random);
    int taken = 0;
    for (int i = 0; i < 12_000; i++) {
      String text = switch (i % 3) {
        case 0 -> generator.command();
        case 1 -> mutator.mutate(generator.plainKvCommand());
        default -> generator.plainKvCommand();
      };
      Command fast = FastKvCommandParser.tryParse(text);
      if (fast == null) {
        continue;
      }
      taken++;
      try {
        assertThat(fast).as("for %s", text).isEqualTo(CommandParsing.parseCommandWithAntlr(text));
      } catch (ParseException e) {
        throw new AssertionError("fast path accepted what ANTLR rejects: " + text + " (" + e.getMessage() + ")", e);
      }
    }
    assertThat(taken).as("fast path should see real traffic in this test").isGreaterThan(3_000);
  }

  @Test
  void shouldStepAsideForFormsItDoesNotHandle() {
    assertThat(FastKvCommandParser.tryParse("STR.GET \"k\"")).isNull();
    assertThat(FastKvCommandParser.tryParse("str.get(\"k\")")).isNull();
    assertThat(FastKvCommandParser.tryParse("str.get \"a\\nb\"")).isNull();
    assertThat(FastKvCommandParser.tryParse("str.get \"k\";")).isNull();
    assertThat(FastKvCommandParser.tryParse("str.get \"k\" \"x\"")).isNull();
    assertThat(FastKvCommandParser.tryParse("str.getx \"k\"")).isNull();
    assertThat(FastKvCommandParser.tryParse("str.get \"k")).isNull();
    assertThat(FastKvCommandParser.tryParse("dict.put \"d\" \"k\"")).isNull();
    assertThat(FastKvCommandParser.tryParse("dict.del")).isNull();
  }
}
