package io.dst.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dst.grammar.DstParser;
import io.dst.grammar.ParseException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzzes the command language and the schema language with seeded random and mutated inputs: the
 * parser must either return a result or throw a {@link ParseException} that names a 1-based line and
 * column; any other exception or error escaping is a bug. A failure prints the seed and the input.
 */
class GrammarFuzzTest {

    private static final int INPUTS_PER_SEED = 1_500;

    static final List<String> COMMANDS = List.of(
            "str.put \"k1\" \"v1\"",
            "str.put(\"k1\", \"v1\")",
            "str.get \"k1\"",
            "str.del \"k1\"",
            "dict.put \"dict_1\" \"k1\" \"v1\" \"k2\" \"v2\"",
            "dict.get \"dict_1\"",
            "dict.get \"dict_1\" \"k2\"",
            "dict.del \"dict_1\" \"k2\"",
            "table.create task_table driver_table from mytables.sc",
            "table.drop task_table",
            "table.list",
            "table.desc task_table",
            "table.load task_table from \"tasks.csv\"",
            "task_table.add \"00001\", \"22222\", \"my_task\", 3, [\"1\", \"2\"]",
            "task_table.query (*) when driver_id == \"22222\"",
            "task_table.query (a, b) when a > 3 and (b == \"x\" or c != 1)",
            "task_table.query (*)",
            "task_table.delete when return_num <= -2.5e3",
            "task_table.update set task_name = \"y\" when task_id == \"00001\"",
            "str.put \"esc\\\"aped\\n\" \"v\"");

    static final List<String> SCRIPTS = List.of(
            "str.put \"k1\" \"v1\"; str.get \"k1\"",
            "table.create task_table driver_table from mytables.sc\ntask_table.add \"1\", \"2\", \"t\", 3, []\n",
            "dict.put \"d\" \"k\" \"v\";\ndict.get \"d\";\n\n task_table.query (*) when driver_id == \"2\";",
            "");

    static final List<String> SCHEMAS = List.of(
            """
            table task_table {
              [p]task_id: string;
              [i]driver_id: string;
              task_name: string;
              return_num: int;
              arguments: [string];
            }
            table driver_table {
             [p]driver_id: string;
             driver_name: string;
             actor_num: int;
            };
            """,
            """
            // comment
            table t { [p]id: long; d: double; ok: bool; raw: bytes; at: timestamp; /* block */ }
            """);

    static final List<String> VOCABULARY = List.of(
            "str", "dict", "table", "put", "get", "del", "create", "drop", "list", "desc", "load", "add", "query", "delete",
            "update", "set", "when", "and", "or", "not", "in", "is", "null", "true", "false", "from", "order", "by",
            "asc", "limit", "task_table", "driver_id", "x", ".", ",", ";", ":", "(", ")", "[", "]", "{", "}", "*",
            "==", "!=", "<", "<=", ">", ">=", "=", "\"k1\"", "\"\"", "\"\\n\"", "\"\\q\"", "3", "-2", "1.5e-3",
            "mytables.sc", "[p]", "[i]", "string", "int", "long", "double", "bool", "bytes", "timestamp", "\n");

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void shouldOnlyEverThrowParseExceptionForCommands(long seed) {
        fuzz(seed, COMMANDS, DstParser::parseCommand);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4})
    void shouldOnlyEverThrowParseExceptionForScripts(long seed) {
        fuzz(seed, concat(COMMANDS, SCRIPTS.subList(0, SCRIPTS.size() - 1)), DstParser::parseScript);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void shouldOnlyEverThrowParseExceptionForSchemaFiles(long seed) {
        fuzz(seed, SCHEMAS, text -> DstParser.parseSchema(text, "fuzz.sc"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 300})
    void shouldSurviveDeepNesting(int depth) {
        assertNestingHandled(depth);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 20_000})
    void shouldRejectPathologicalNestingWithParseException(int depth) {
        assertNestingHandled(depth);
    }

    private static void assertNestingHandled(int depth) {
        String parens = "(".repeat(depth);
        String brackets = "[".repeat(depth);
        List<String> inputs = List.of(
                "t.query (*) when " + parens + "a == 1" + ")".repeat(depth),
                "t.query (*) when " + parens,
                "t.add " + brackets + "\"x\"" + "]".repeat(depth),
                "t.add " + brackets,
                "str.put " + "\"k\" ".repeat(depth));
        for (String input : inputs) {
            assertOnlyParseException(depth, input, DstParser::parseCommand);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void fuzz(long seed, List<String> seeds, Consumer<String> parser) {
        seeds.forEach(valid -> parser.accept(valid)); // the seeds themselves must be valid
        InputMutator inputs = new InputMutator(seed, seeds, VOCABULARY);
        int rejected = 0;
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            rejected += assertOnlyParseException(seed, inputs.next(), parser) ? 1 : 0;
        }
        // Mutations should mostly break the input; if nothing is rejected the fuzzer is not fuzzing.
        assertThat(rejected).isGreaterThan(INPUTS_PER_SEED / 4);
    }

    /** Returns whether {@code input} was rejected; fails on anything but a well-formed ParseException. */
    private static boolean assertOnlyParseException(long seed, String input, Consumer<String> parser) {
        try {
            parser.accept(input);
            return false;
        } catch (ParseException e) {
            assertThat(e.line()).as("line of %s for input %s", e.getMessage(), printable(input)).isPositive();
            assertThat(e.column()).as("column of %s for input %s", e.getMessage(), printable(input)).isPositive();
            assertThat(e.getMessage()).contains("line " + e.line() + ":" + e.column());
            return true;
        } catch (Throwable t) {
            fail("seed " + seed + ": " + t + " escaped for input " + printable(input), t);
            return false;
        }
    }

    private static String printable(String input) {
        String shown = input.length() > 300 ? input.substring(0, 300) + "...(" + input.length() + " chars)" : input;
        return "<" + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0") + ">";
    }
}
