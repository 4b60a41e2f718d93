package io.dst.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input and the exact sentence the user gets for it: line, column, the offending token and what
 * was expected. A change to any message must be deliberate, so each is spelled out here in full.
 */
class ParseErrorMessagesTest {

  static Stream<Arguments> badCommands() {
    return Stream.of(
        bad("str.put \"k1\",",
            "line 1:14: unexpected end of input after ','; expected a quoted string"),
        bad("str.put \"k1\" 3",
            "line 1:14: unexpected '3' after \"k1\"; expected ',' or a quoted string"),
        bad("str.put k1 v1",
            "line 1:9: unexpected 'k1' after 'put'; expected '(' or a quoted string"),
        bad("str.get \"k1\" \"k2\"",
            "line 1:14: unexpected \"k2\" after \"k1\"; expected ';' or end of input"),
        bad("str.get \"k1\" str.get \"k2\"",
            "line 1:14: unexpected 'str' after \"k1\"; expected ';' or end of input"),
        bad("str.",
            "line 1:5: unexpected end of input after '.'; expected 'put', 'get', 'del' or 'exists'"),
        bad("str.set \"k\" \"v\"",
            "line 1:5: unexpected 'set' after '.'; expected 'put', 'get', 'del' or 'exists'"),
        bad("\"k1\"",
            "line 1:1: unexpected \"k1\"; expected a command"),
        bad("foo",
            "line 1:4: unexpected end of input after 'foo'; expected '.'"),
        bad("x.y",
            "line 1:3: unexpected 'y' after '.'; expected 'add', 'query', 'delete' or 'update'"),
        bad("dict.put \"d\" \"k1\"",
            "line 1:18: unexpected end of input after \"k1\"; expected ',' or a quoted string"),
        bad("dict.get \"a\" \"b\" \"c\"",
            "line 1:18: unexpected \"c\" after \"b\"; expected ';' or end of input"),
        bad("dict.keys",
            "line 1:10: unexpected end of input after 'keys'; expected '(' or a quoted string"),
        bad("table.create t from",
            "line 1:20: unexpected end of input after 'from'; expected a schema file name such as tables.sc or a quoted path"),
        bad("table.create t from mytables",
            "line 1:21: unexpected 'mytables' after 'from'; expected a schema file name such as tables.sc or a quoted path"),
        bad("table.create from x.sc",
            "line 1:14: unexpected 'from' after 'create'; expected a table name ('from' is a reserved word)"),
        bad("table.load t from tasks.csv",
            "line 1:19: unexpected 'tasks' after 'from'; expected a quoted string"),
        bad("table.load t",
            "line 1:13: unexpected end of input after 't'; expected 'from'"),
        bad("table.desc",
            "line 1:11: unexpected end of input after 'desc'; expected '(' or a table name"),
        bad("table.list x",
            "line 1:12: unexpected 'x' after 'list'; expected '(', ';' or end of input"),
        bad("t.add",
            "line 1:6: unexpected end of input after 'add'; expected '(' or a value"),
        bad("t.add [[1]]",
            "line 1:8: unexpected '[' after '['; expected a scalar value (string, number, true, false or null) or ']'"),
        bad("t.add [1 2]",
            "line 1:10: unexpected '2' after '1'; expected ',' or ']'"),
        bad("t.add 99999999999999999999",
            "line 1:7: integer 99999999999999999999 is out of range; integers must lie between -9223372036854775808 and 9223372036854775807"),
        bad("t.add 1e999",
            "line 1:7: number 1e999 is out of range for a double"),
        bad("t.query",
            "line 1:8: unexpected end of input after 'query'; expected '('"),
        bad("t.query *",
            "line 1:9: unexpected '*' after 'query'; expected '('"),
        bad("t.query ()",
            "line 1:10: unexpected ')' after '('; expected '*' or a column name"),
        bad("t.query (a b)",
            "line 1:12: unexpected 'b' after 'a'; expected ',' or ')'"),
        bad("t.query (from)",
            "line 1:10: unexpected 'from' after '('; expected '*' or a column name ('from' is a reserved word)"),
        bad("t.query (*) when",
            "line 1:17: unexpected end of input after 'when'; expected a condition"),
        bad("t.query (*) when a",
            "line 1:19: unexpected end of input after 'a'; expected a comparison operator (==, !=, <, <=, >, >=), 'not', 'in' or 'is'"),
        bad("t.query (*) when a foo",
            "line 1:20: unexpected 'foo' after 'a'; expected a comparison operator (==, !=, <, <=, >, >=), 'not', 'in' or 'is'"),
        bad("t.query (*) when a == b",
            "line 1:23: unexpected 'b' after '=='; expected a value"),
        bad("t.query (*) when a == null",
            "line 1:23: cannot compare 'a' with null using '=='; write 'a is null' or 'a is not null'"),
        bad("t.query (*) when null != a",
            "line 1:18: cannot compare 'a' with null using '!='; write 'a is null' or 'a is not null'"),
        bad("t.query (*) when (a == 1",
            "line 1:25: unexpected end of input after '1'; expected 'and', 'or' or ')'"),
        bad("t.query (*) when a == 1 and",
            "line 1:28: unexpected end of input after 'and'; expected a condition"),
        bad("t.query (*) when a in 1",
            "line 1:23: unexpected '1' after 'in'; expected '['"),
        bad("t.query (*) when a is 1",
            "line 1:23: unexpected '1' after 'is'; expected 'not' or 'null'"),
        bad("t.query (*) when 1 == 2",
            "line 1:23: unexpected '2' after '=='; expected a column name"),
        bad("t.query (*) order a",
            "line 1:19: unexpected 'a' after 'order'; expected 'by'"),
        bad("t.query (*) order by",
            "line 1:21: unexpected end of input after 'by'; expected a column name"),
        bad("t.query (*) limit",
            "line 1:18: unexpected end of input after 'limit'; expected an integer"),
        bad("t.query (*) limit -1",
            "line 1:19: limit -1 is negative; expected a count of 0 or more"),
        bad("t.query (*) limit 1.5",
            "line 1:19: unexpected '1.5' after 'limit'; expected an integer"),
        bad("t.query (*) limit 1 when a == 1",
            "line 1:21: unexpected 'when' after '1'; expected ';' or end of input"),
        bad("t.delete",
            "line 1:9: unexpected end of input after 'delete'; expected 'when'"),
        bad("t.delete a == 1",
            "line 1:10: unexpected 'a' after 'delete'; expected 'when'"),
        bad("t.update a = 1 when b == 1",
            "line 1:10: unexpected 'a' after 'update'; expected 'set'"),
        bad("t.update set a = 1",
            "line 1:19: unexpected end of input after '1'; expected ',' or 'when'"),
        bad("t.update set a == 1 when b == 1",
            "line 1:16: unexpected '==' after 'a'; expected '='"),
        bad("t.update set a = b when b == 1",
            "line 1:18: unexpected 'b' after '='; expected a value"),
        bad("str.get \"a\\qb\"",
            "line 1:11: invalid escape '\\q' in string; expected \\\", \\\\, \\/, \\n, \\t, \\r, \\b, \\f or \\uXXXX"),
        bad("str.get \"\\u12\"",
            "line 1:10: invalid escape '\\u12' in string; \\u must be followed by 4 hex digits"),
        bad("str.get \"abc",
            "line 1:9: unterminated string \"abc; expected a closing '\"' before the end of the line"),
        bad("str.get \"k\" /* x",
            "line 1:13: unterminated comment; expected '*/' before the end of input"),
        bad("str.get \"k\" #",
            "line 1:13: unexpected character '#' after \"k\"; expected ';' or end of input"),
        bad("str.get \"k\" \u00e9",
            "line 1:13: unexpected character '\u00e9' after \"k\"; expected ';' or end of input"),
        bad("str.get \"k\"\t\"x\"",
            "line 1:13: unexpected \"x\" after \"k\"; expected ';' or end of input"),
        bad("t.query (*)\n  when a ==",
            "line 2:12: unexpected end of input after '=='; expected a value"),
        bad("\n\n   t.add 1,\n     2 3 ]",
            "line 4:10: unexpected ']' after '3'; expected ',', a value, ';' or end of input"),
        bad("",
            "line 1:1: unexpected end of input; expected a command"),
        bad("str.get \"a\" ;;",
            "line 1:14: unexpected ';' after ';'; expected end of input"));
  }

  static Stream<Arguments> badSchemaFiles() {
    return Stream.of(
        bad("table t { [p]a: int; [p]b: int }",
            "t.sc, line 1:22: second primary key 'b' in table 't', which already has 'a' at line 1:11; a table has at most one [p] column"),
        bad("table t { a: strin }",
            "t.sc, line 1:14: unknown type 'strin'; expected string, int, long, double, bool, bytes or timestamp"),
        bad("table t { [x]a: int }",
            "t.sc, line 1:12: unknown column marker '[x]'; expected [p] for the primary key or [i] for an index"),
        bad("table t { a: int b: int }",
            "t.sc, line 1:18: unexpected 'b' after 'int'; expected '}' or ';'"),
        bad("table t {}",
            "t.sc, line 1:10: unexpected '}' after '{'; expected a column such as [p]id: string"),
        bad("table t { a: int; a: int }",
            "t.sc, line 1:19: duplicate column 'a' in table 't'; it is already defined at line 1:11"),
        bad("table t { a: int } table t { b: int }",
            "t.sc, line 1:26: duplicate table 't'; it is already defined at line 1:1"),
        bad("table { a: int }",
            "t.sc, line 1:7: unexpected '{' after 'table'; expected a table name"),
        bad("table t { from: int }",
            "t.sc, line 1:11: unexpected 'from' after '{'; expected a column such as [p]id: string ('from' is a reserved word)"),
        bad("table t { a int }",
            "t.sc, line 1:13: unexpected 'int' after 'a'; expected ':'"),
        bad("table t { a: [int }",
            "t.sc, line 1:19: unexpected '}' after 'int'; expected ']'"),
        bad("table t { a: [[int]] }",
            "t.sc, line 1:15: unexpected '[' after '['; expected a type (string, int, long, double, bool, bytes or timestamp)"),
        bad("table t { [p][i]a: int }",
            "t.sc, line 1:14: unexpected '[' after ']'; expected a column name"),
        bad("tabel t { a: int }",
            "t.sc, line 1:1: unexpected 'tabel'; expected 'table' or end of input"),
        bad("table t { a: int",
            "t.sc, line 1:17: unexpected end of input after 'int'; expected '}' or ';'"),
        bad("table t { a: int } }",
            "t.sc, line 1:20: unexpected '}' after '}'; expected 'table', ';' or end of input"),
        bad("table t {\n  a: int;\n  b: strin;\n}",
            "t.sc, line 3:6: unknown type 'strin'; expected string, int, long, double, bool, bytes or timestamp"),
        bad("// c\ntable t {\n  [p]a: int;\n  /* x */ [p]b: int;\n}",
            "t.sc, line 4:11: second primary key 'b' in table 't', which already has 'a' at line 3:3; a table has at most one [p] column"));
  }

  static Stream<Arguments> badScripts() {
    return Stream.of(
        bad("str.get \"a\" str.get \"b\"",
            "line 1:13: unexpected 'str' after \"a\"; expected ';' or a new line before the next command"),
        bad("str.get \"a\"\nstr.get \"b\" \"c\"",
            "line 2:13: unexpected \"c\" after \"b\"; expected a command, ';' or end of input"),
        bad("str.get \"a\";\nfoo.bar",
            "line 2:5: unexpected 'bar' after '.'; expected 'add', 'query', 'delete' or 'update'"));
  }

  private static Arguments bad(String input, String message) {
    return Arguments.of(input, message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badCommands")
  void shouldRejectBadCommandWithExactMessage(String input, String message) {
    ParseException e = catchThrowableOfType(ParseException.class, () -> DstParser.parseCommand(input));
    assertThat(e).as("parsing %s", input).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(message).startsWith("line " + e.line() + ":" + e.column() + ": ");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badSchemaFiles")
  void shouldRejectBadSchemaWithExactMessage(String input, String message) {
    ParseException e = catchThrowableOfType(ParseException.class, () -> DstParser.parseSchema(input, "t.sc"));
    assertThat(e).as("parsing %s", input).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.sourceName()).isEqualTo("t.sc");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badScripts")
  void shouldRejectBadScriptWithExactMessage(String input, String message) {
    ParseException e = catchThrowableOfType(ParseException.class, () -> DstParser.parseScript(input));
    assertThat(e).as("parsing %s", input).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
  }
}
