package io.dst.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.SchemaFile;
import io.dst.grammar.ast.SourcePosition;
import io.dst.grammar.random.CommandTextGenerator;
import io.dst.grammar.random.Mutator;
import io.dst.grammar.random.SchemaTextGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded random testing: generated valid commands and schema files parse and survive a render/parse
 * round trip; mutated ones either parse or fail with a well-formed {@link ParseException}, never any
 * other exception. The seed is fixed so a failure can be replayed.
 */
class RandomCommandsTest {
  private static final long SEED = 20_261_123L;
  private static final Pattern MESSAGE = Pattern.compile("(?:[^,\\n]+, )?line (\\d+):(\\d+): [^\\n]+");
  private static final List<String> ANTLR_WORDING = List.of(
      "mismatched input", "extraneous input", "no viable alternative", "token recognition error", "expecting {", "<EOF>");

  @Test
  void shouldParseAndRoundTripTenThousandGeneratedCommands() {
    CommandTextGenerator generator = new CommandTextGenerator(new Random(SEED));
    for (int i = 0; i < 10_000; i++) {
      String text = generator.command();
      Command command = parseOrFail(text);
      assertRoundTrip(text, command);
    }
  }

  @Test
  void shouldThrowNothingButParseExceptionForTwelveThousandMutatedCommands() {
    Random random = new Random(SEED + 1);
    CommandTextGenerator generator = new CommandTextGenerator(random);
    Mutator mutator = new Mutator(random);
    int rejected = 0;
    for (int i = 0; i < 12_000; i++) {
      String text = mutator.mutate(generator.command());
      try {
        assertRoundTrip(text, DstParser.parseCommand(text));
      } catch (ParseException e) {
        assertWellFormed(text, e);
        rejected++;
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("unexpected " + e + " for input: " + text, e);
      }
    }
    assertThat(rejected).as("mutations should mostly break commands").isGreaterThan(6_000);
  }

  @Test
  void shouldParseGeneratedScriptsToTheSameCommandsAsOneByOne() {
    CommandTextGenerator generator = new CommandTextGenerator(new Random(SEED + 2));
    for (int i = 0; i < 2_000; i++) {
      List<String> texts = new ArrayList<>();
      int n = 1 + i % 5;
      for (int j = 0; j < n; j++) {
        texts.add(generator.command());
      }
      List<Command> script = DstParser.parseScript(String.join("\n", texts));
      assertThat(script).hasSize(n);
      for (int j = 0; j < n; j++) {
        assertSameIgnoringPositions(script.get(j), DstParser.parseCommand(texts.get(j)), texts.get(j));
      }
    }
  }

  @Test
  void shouldParseRoundTripAndSurviveMutationOfGeneratedSchemaFiles() {
    Random random = new Random(SEED + 3);
    SchemaTextGenerator generator = new SchemaTextGenerator(random);
    Mutator mutator = new Mutator(random);
    for (int i = 0; i < 1_500; i++) {
      String text = generator.schemaFile();
      SchemaFile schema = DstParser.parseSchema(text, "gen.sc");
      assertSameIgnoringPositions(DstParser.parseSchema(DstRenderer.render(schema), "gen.sc"), schema, text);
      String mutated = mutator.mutate(text);
      try {
        DstParser.parseSchema(mutated, "gen.sc");
      } catch (ParseException e) {
        assertWellFormed(mutated, e);
        assertThat(e.getMessage()).startsWith("gen.sc, line ");
      } catch (RuntimeException e) {
        throw new AssertionError("unexpected " + e + " for schema:\n" + mutated, e);
      }
    }
  }

  private static Command parseOrFail(String text) {
    try {
      return DstParser.parseCommand(text);
    } catch (ParseException e) {
      return fail("generated command was rejected: " + text.replace("\n", "\\n") + "\n" + e.getMessage());
    }
  }

  private static void assertRoundTrip(String text, Command command) {
    String rendered = DstRenderer.render(command);
    Command again;
    try {
      again = DstParser.parseCommand(rendered);
    } catch (ParseException e) {
      throw new AssertionError("rendering of " + text + " does not parse: " + rendered + "\n" + e.getMessage(), e);
    }
    assertSameIgnoringPositions(again, command, text);
  }

  private static void assertSameIgnoringPositions(Object actual, Object expected, String input) {
    assertThat(actual).as("for input %s", input)
        .usingRecursiveComparison()
        .withStrictTypeChecking()
        .ignoringFieldsOfTypes(SourcePosition.class)
        .isEqualTo(expected);
  }

  /** One line, the position prefix, a position inside the text, and none of ANTLR's own wording. */
  private static void assertWellFormed(String text, ParseException e) {
    String message = e.getMessage();
    Matcher m = MESSAGE.matcher(message);
    assertThat(m.matches()).as("message format of %s for input %s", message, text).isTrue();
    int line = Integer.parseInt(m.group(1));
    int column = Integer.parseInt(m.group(2));
    assertThat(line).isEqualTo(e.line());
    assertThat(column).isEqualTo(e.column());
    String[] lines = text.split("\n", -1);
    assertThat(line).as("line of %s in %s", message, text).isBetween(1, lines.length);
    String lineText = lines[line - 1];
    assertThat(column).as("column of %s in %s", message, text)
        .isBetween(1, lineText.codePointCount(0, lineText.length()) + 1);
    for (String antlr : ANTLR_WORDING) {
      assertThat(message).as("message for %s", text).doesNotContain(antlr);
    }
  }
}
