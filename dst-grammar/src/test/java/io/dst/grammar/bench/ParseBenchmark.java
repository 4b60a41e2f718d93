package io.dst.grammar.bench;

import io.dst.grammar.DstParser;
import io.dst.grammar.ast.Command;
import io.dst.grammar.parse.CommandParsing;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Measures parsing throughput: one million short kv commands through {@link DstParser#parseCommand}
 * (the target is under 2 s), the same through the ANTLR pipeline alone, and a mix of table commands.
 * Run with {@code mvn -B -o -pl dst-grammar -Pbench test}; not part of the normal test run.
 */
public final class ParseBenchmark {
  private static final int COMMANDS = 1_000_000;
  private static final int ROUNDS = 5;

  private ParseBenchmark() {}

  public static void main(String[] args) {
    String[] kv = new String[COMMANDS];
    for (int i = 0; i < COMMANDS; i++) {
      kv[i] = "str.get \"k" + i + "\"";
    }
    String[] mix = new String[COMMANDS / 10];
    for (int i = 0; i < mix.length; i++) {
      mix[i] = switch (i % 4) {
        case 0 -> "task_table.query (*) when driver_id == \"d" + i + "\"";
        case 1 -> "task_table.add \"" + i + "\", \"22222\", \"my_task\", " + i + ", [\"1\", \"2\"]";
        case 2 -> "T.query (a, b) when a > " + i + " and (b == \"x\" or c != 1) order by a desc limit 10";
        default -> "dict.put \"dict_" + i + "\" \"k1\" \"v1\" \"k2\" \"v2\"";
      };
    }
    report("1M str.get via DstParser.parseCommand (fast path)", kv, DstParser::parseCommand);
    report("1M str.get via the ANTLR pipeline only", kv, CommandParsing::parseCommandWithAntlr);
    report("100k table/dict commands via DstParser.parseCommand", mix, DstParser::parseCommand);
  }

  private static void report(String title, String[] texts, Function<String, Command> parser) {
    long[] millis = new long[ROUNDS];
    for (int warmup = 0; warmup < 3; warmup++) {
      run(texts, parser);
    }
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      run(texts, parser);
      millis[round] = (System.nanoTime() - start) / 1_000_000;
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("%-55s rounds %s ms; best %d ms, median %d ms (%.0f ns/command)%n", title,
        Arrays.toString(millis), sorted[0], sorted[ROUNDS / 2], sorted[ROUNDS / 2] * 1e6 / texts.length);
  }

  private static void run(String[] texts, Function<String, Command> parser) {
    int sink = 0;
    for (String text : texts) {
      sink += parser.apply(text).position().column();
    }
    if (sink != texts.length) {
      throw new IllegalStateException("unexpected positions: " + sink);
    }
  }
}
