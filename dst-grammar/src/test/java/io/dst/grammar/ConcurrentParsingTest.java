package io.dst.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.grammar.ast.Command;
import io.dst.grammar.random.CommandTextGenerator;
import io.dst.grammar.random.Mutator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parsing from many threads at once gives each thread the same results as parsing alone. */
class ConcurrentParsingTest {

  @Test
  void shouldGiveTheSameResultsWhenParsingFromSeveralThreads() throws Exception {
    Random random = new Random(5);
    CommandTextGenerator generator = new CommandTextGenerator(random);
    Mutator mutator = new Mutator(random);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      texts.add(i % 2 == 0 ? generator.command() : mutator.mutate(generator.command()));
    }
    List<String> expected = texts.stream().map(ConcurrentParsingTest::outcome).toList();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> texts.stream().map(ConcurrentParsingTest::outcome).toList()));
      }
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String outcome(String text) {
    try {
      Command command = DstParser.parseCommand(text);
      return command.toString();
    } catch (ParseException e) {
      return "error: " + e.getMessage();
    }
  }
}
