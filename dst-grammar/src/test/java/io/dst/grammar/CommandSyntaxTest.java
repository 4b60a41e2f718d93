package io.dst.grammar;

import static io.dst.grammar.ast.SourcePosition.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.ComparisonOperator;
import io.dst.grammar.ast.Condition;
import io.dst.grammar.ast.DictDel;
import io.dst.grammar.ast.DictKeys;
import io.dst.grammar.ast.Literal;
import io.dst.grammar.ast.OrderItem;
import io.dst.grammar.ast.SourcePosition;
import io.dst.grammar.ast.StrExists;
import io.dst.grammar.ast.StrGet;
import io.dst.grammar.ast.StrPut;
import io.dst.grammar.ast.TableAdd;
import io.dst.grammar.ast.TableCreate;
import io.dst.grammar.ast.TableDrop;
import io.dst.grammar.ast.TableList;
import io.dst.grammar.ast.TableLoad;
import io.dst.grammar.ast.TableQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The surface forms of commands: call form, case, commas, comments, escapes, and how conditions normalise. */
class CommandSyntaxTest {

  private static Condition when(String condition) {
    return ((TableQuery) DstParser.parseCommand("t.query (*) when " + condition)).when().orElseThrow();
  }

  private static Condition.Compare cmp(String column, ComparisonOperator op, long value) {
    return new Condition.Compare(column, op, Literal.of(value));
  }

  @Test
  void shouldTreatKeywordsCaseInsensitivelyAndLowerCaseNames() {
    assertThat(DstParser.parseCommand("STR.Put \"K\" \"V\"")).isEqualTo(new StrPut("K", "V", START));
    assertThat(DstParser.parseCommand("TABLE.DROP My_Table")).isEqualTo(new TableDrop("my_table", START));
    TableQuery query = (TableQuery) DstParser.parseCommand("Tasks.QUERY (Id, NAME) WHEN Id == 1 ORDER BY Name DESC LIMIT 5");
    assertThat(query.table()).isEqualTo("tasks");
    assertThat(query.when()).contains(cmp("id", ComparisonOperator.EQ, 1));
    assertThat(query.orderBy()).containsExactly(OrderItem.desc("name"));
  }

  @Test
  void shouldAcceptCallFormForKvAndTableCommands() {
    assertThat(DstParser.parseCommand("str.exists(\"k\")")).isEqualTo(new StrExists("k", START));
    assertThat(DstParser.parseCommand("dict.del(\"d\", \"a\", \"b\")")).isEqualTo(new DictDel("d", List.of("a", "b"), START));
    assertThat(DstParser.parseCommand("dict.keys(\"d\")")).isEqualTo(new DictKeys("d", START));
    assertThat(DstParser.parseCommand("table.list()")).isEqualTo(new TableList(START));
    assertThat(DstParser.parseCommand("table.drop(t)")).isEqualTo(new TableDrop("t", START));
    assertThat(DstParser.parseCommand("t.add(1, \"x\")"))
        .isEqualTo(new TableAdd("t", List.of(Literal.of(1L), Literal.of("x")), START));
  }

  @Test
  void shouldMakeCommasBetweenValuesOptional() {
    Command expected = new TableAdd("t", List.of(Literal.of(1L), Literal.of(2.5), Literal.of(true), Literal.nullValue()), START);
    assertThat(DstParser.parseCommand("t.add 1 2.5 true null")).isEqualTo(expected);
    assertThat(DstParser.parseCommand("t.add 1, 2.5 true, null")).isEqualTo(expected);
  }

  @Test
  void shouldAcceptDictDelWithoutFieldsAsWholeDict() {
    assertThat(DstParser.parseCommand("dict.del \"d\"")).isEqualTo(new DictDel("d", List.of(), START));
  }

  @Test
  void shouldReadAllLiteralKinds() {
    TableAdd add = (TableAdd) DstParser.parseCommand(
        "t.add \"s\", -42, 9223372036854775807, -1.5, 2e3, 1.0E-5, true, FALSE, NULL, [], [1, \"a\", null]");
    assertThat(add.values()).containsExactly(Literal.of("s"), Literal.of(-42L), Literal.of(Long.MAX_VALUE),
        Literal.of(-1.5), Literal.of(2000.0), Literal.of(1.0E-5), Literal.of(true), Literal.of(false), Literal.nullValue(),
        Literal.array(), Literal.array(Literal.of(1L), Literal.of("a"), Literal.nullValue()));
  }

  @Test
  void shouldResolveStringEscapes() {
    assertThat(DstParser.parseCommand("str.get \"a\\\"b\\\\c\\nd\\te\\u00e9\\/\\r\""))
        .isEqualTo(new StrGet("a\"b\\c\nd\te\u00e9/\r", START));
  }

  @Test
  void shouldKeepUnicodeInStrings() {
    assertThat(DstParser.parseCommand("str.get \"clé 日本 \uD83D\uDE00\"")).isEqualTo(new StrGet("clé 日本 \uD83D\uDE00", START));
  }

  @Test
  void shouldSkipCommentsAndNewlinesInsideACommand() {
    Command command = DstParser.parseCommand("// leading comment\nt.query /* columns */ (a)\n  when a == 1 // trailing\n");
    assertThat(command).isEqualTo(new TableQuery("t", io.dst.grammar.ast.Projection.columns("a"),
        java.util.Optional.of(cmp("a", ComparisonOperator.EQ, 1)), List.of(), java.util.OptionalLong.empty(),
        new SourcePosition(2, 1)));
  }

  @Test
  void shouldAcceptQuotedAndPathSchemaFiles() {
    assertThat(DstParser.parseCommand("table.create a, b from ../schemas/my-tables.sc"))
        .isEqualTo(new TableCreate(List.of("a", "b"), "../schemas/my-tables.sc", START));
    assertThat(DstParser.parseCommand("table.create a from \"dir with space/x.schema\""))
        .isEqualTo(new TableCreate(List.of("a"), "dir with space/x.schema", START));
  }

  @Test
  void shouldReadTableLoadWithAQuotedCsvFile() {
    assertThat(DstParser.parseCommand("table.load Tasks from \"data/tasks 1.csv\""))
        .isEqualTo(new TableLoad("tasks", "data/tasks 1.csv", START));
    assertThat(DstParser.parseCommand("TABLE.LOAD load FROM \"c:\\\\x.csv\""))
        .isEqualTo(new TableLoad("load", "c:\\x.csv", START));
    assertThat(DstRenderer.render(new TableLoad("t", "a \"b\".csv", START))).isEqualTo("table.load t from \"a \\\"b\\\".csv\"");
  }

  @Test
  void shouldAllowVerbsAsTableAndColumnNames() {
    assertThat(((TableQuery) DstParser.parseCommand("load.query (load)")).table()).isEqualTo("load");
    TableQuery query = (TableQuery) DstParser.parseCommand("list.query (add, query) when keys == 1");
    assertThat(query.table()).isEqualTo("list");
    assertThat(query.when()).contains(cmp("keys", ComparisonOperator.EQ, 1));
  }

  @Test
  void shouldPutTheColumnLeftWhenTheLiteralComesFirst() {
    assertThat(when("3 < a")).isEqualTo(cmp("a", ComparisonOperator.GT, 3));
    assertThat(when("3 >= a")).isEqualTo(cmp("a", ComparisonOperator.LE, 3));
    assertThat(when("\"x\" != a")).isEqualTo(new Condition.Compare("a", ComparisonOperator.NE, Literal.of("x")));
  }

  @Test
  void shouldBindNotTighterThanAndTighterThanOr() {
    Condition a = cmp("a", ComparisonOperator.EQ, 1);
    Condition b = cmp("b", ComparisonOperator.EQ, 2);
    Condition c = cmp("c", ComparisonOperator.EQ, 3);
    assertThat(when("a == 1 or b == 2 and c == 3")).isEqualTo(Condition.or(a, Condition.and(b, c)));
    assertThat(when("not a == 1 and b == 2")).isEqualTo(Condition.and(new Condition.Not(a), b));
    assertThat(when("not (a == 1 and b == 2)")).isEqualTo(new Condition.Not(Condition.and(a, b)));
  }

  @Test
  void shouldFlattenChainsOfTheSameOperator() {
    Condition a = cmp("a", ComparisonOperator.EQ, 1);
    Condition b = cmp("b", ComparisonOperator.EQ, 2);
    Condition c = cmp("c", ComparisonOperator.EQ, 3);
    assertThat(when("a == 1 and (b == 2 and c == 3)")).isEqualTo(Condition.and(a, b, c));
    assertThat(when("(a == 1 or b == 2) or c == 3")).isEqualTo(Condition.or(a, b, c));
    assertThat(when("((a == 1))")).isEqualTo(a);
  }

  @Test
  void shouldReadInAndNullTests() {
    assertThat(when("a in [1, 2]")).isEqualTo(new Condition.In("a", List.of(Literal.of(1L), Literal.of(2L))));
    assertThat(when("a not in []")).isEqualTo(new Condition.Not(new Condition.In("a", List.of())));
    assertThat(when("a is null")).isEqualTo(new Condition.IsNull("a"));
    assertThat(when("a is not null")).isEqualTo(new Condition.Not(new Condition.IsNull("a")));
  }

  @Test
  void shouldReadOrderByAndLimit() {
    TableQuery query = (TableQuery) DstParser.parseCommand("t.query (*) order by a, b asc, c desc limit 0");
    assertThat(query.orderBy()).containsExactly(OrderItem.asc("a"), OrderItem.asc("b"), OrderItem.desc("c"));
    assertThat(query.limit()).hasValue(0);
  }

  @Test
  void shouldAllowATrailingSemicolonOnASingleCommand() {
    assertThat(DstParser.parseCommand("str.get \"k\";")).isEqualTo(new StrGet("k", START));
  }

  @Test
  void shouldSplitScriptsOnNewlinesAndSemicolons() {
    List<Command> commands = DstParser.parseScript(
        "str.put \"a\" \"1\"; str.get \"a\"\n/* block */\ntable.list\n\nt.query (*)\n  when a == 1;;\n");
    assertThat(commands).containsExactly(
        new StrPut("a", "1", START),
        new StrGet("a", new SourcePosition(1, 18)),
        new TableList(new SourcePosition(3, 1)),
        new TableQuery("t", io.dst.grammar.ast.Projection.all(), java.util.Optional.of(cmp("a", ComparisonOperator.EQ, 1)),
            List.of(), java.util.OptionalLong.empty(), new SourcePosition(5, 1)));
  }

  @Test
  void shouldParseAnEmptyScriptToNoCommands() {
    assertThat(DstParser.parseScript("  // nothing here\n;\n")).isEmpty();
  }

  @Test
  void shouldRenderCommandsThatParseBackToTheSameAst() {
    String text = "t.query (a, b) when not (a == 1 or b in [1, 2]) and (c is not null or d > -2.5) order by a desc limit 3";
    Command command = DstParser.parseCommand(text);
    assertThat(DstRenderer.render(command)).isEqualTo(text);
    assertThat(DstParser.parseCommand(DstRenderer.render(command))).isEqualTo(command);
  }
}
