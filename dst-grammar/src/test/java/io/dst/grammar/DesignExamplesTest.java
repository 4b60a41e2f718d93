package io.dst.grammar;

import static io.dst.grammar.ast.SourcePosition.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.dst.grammar.ast.Assignment;
import io.dst.grammar.ast.ColumnDef;
import io.dst.grammar.ast.ComparisonOperator;
import io.dst.grammar.ast.Condition;
import io.dst.grammar.ast.DictDel;
import io.dst.grammar.ast.DictEntry;
import io.dst.grammar.ast.DictGet;
import io.dst.grammar.ast.DictPut;
import io.dst.grammar.ast.Literal;
import io.dst.grammar.ast.Projection;
import io.dst.grammar.ast.ScalarTypeName;
import io.dst.grammar.ast.SchemaFile;
import io.dst.grammar.ast.SourcePosition;
import io.dst.grammar.ast.StrDel;
import io.dst.grammar.ast.StrGet;
import io.dst.grammar.ast.StrPut;
import io.dst.grammar.ast.TableAdd;
import io.dst.grammar.ast.TableCreate;
import io.dst.grammar.ast.TableDef;
import io.dst.grammar.ast.TableDelete;
import io.dst.grammar.ast.TableDesc;
import io.dst.grammar.ast.TableDrop;
import io.dst.grammar.ast.TableList;
import io.dst.grammar.ast.TableQuery;
import io.dst.grammar.ast.TableUpdate;
import io.dst.grammar.ast.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every command and schema example of DESIGN.md ("the user's own") parses to the AST it means. */
class DesignExamplesTest {

  private static Condition.Compare compare(String column, ComparisonOperator op, Literal value) {
    return new Condition.Compare(column, op, value);
  }

  @Test
  void shouldParseStrPutInBothForms() {
    StrPut expected = new StrPut("k1", "v1", START);
    assertThat(DstParser.parseCommand("str.put \"k1\" \"v1\"")).isEqualTo(expected);
    assertThat(DstParser.parseCommand("str.put(\"k1\", \"v1\")")).isEqualTo(expected);
  }

  @Test
  void shouldParseStrGet() {
    assertThat(DstParser.parseCommand("str.get \"k1\"")).isEqualTo(new StrGet("k1", START));
  }

  @Test
  void shouldParseDictPutWithSeveralFields() {
    assertThat(DstParser.parseCommand("dict.put \"dict_1\" \"k1\" \"v1\" \"k2\" \"v2\"")).isEqualTo(new DictPut(
        "dict_1", List.of(new DictEntry("k1", "v1"), new DictEntry("k2", "v2")), START));
  }

  @Test
  void shouldParseDictGetOfWholeDictAndOfOneField() {
    assertThat(DstParser.parseCommand("dict.get \"dict_1\"")).isEqualTo(new DictGet("dict_1", Optional.empty(), START));
    assertThat(DstParser.parseCommand("dict.get \"dict_1\" \"k2\"")).isEqualTo(new DictGet("dict_1", Optional.of("k2"), START));
  }

  @Test
  void shouldParseTableCreateFromSchemaFile() {
    assertThat(DstParser.parseCommand("table.create task_table driver_table from mytables.sc"))
        .isEqualTo(new TableCreate(List.of("task_table", "driver_table"), "mytables.sc", START));
  }

  @Test
  void shouldParseTableAddWithArrayValue() {
    assertThat(DstParser.parseCommand("task_table.add \"00001\", \"22222\", \"my_task\", 3, [\"1\", \"2\"]"))
        .isEqualTo(new TableAdd("task_table", List.of(Literal.of("00001"), Literal.of("22222"), Literal.of("my_task"),
            Literal.of(3L), Literal.array(Literal.of("1"), Literal.of("2"))), START));
  }

  @Test
  void shouldParseQueryOfAllColumnsWithWhen() {
    assertThat(DstParser.parseCommand("task_table.query (*) when driver_id == \"22222\"")).isEqualTo(new TableQuery(
        "task_table", Projection.all(), Optional.of(compare("driver_id", ComparisonOperator.EQ, Literal.of("22222"))),
        List.of(), OptionalLong.empty(), START));
  }

  @Test
  void shouldParseQueryWithColumnsAndNestedCondition() {
    Condition when = Condition.and(
        compare("a", ComparisonOperator.GT, Literal.of(3L)),
        Condition.or(compare("b", ComparisonOperator.EQ, Literal.of("x")), compare("c", ComparisonOperator.NE, Literal.of(1L))));
    assertThat(DstParser.parseCommand("T.query (a, b) when a > 3 and (b == \"x\" or c != 1)")).isEqualTo(new TableQuery(
        "t", Projection.columns("a", "b"), Optional.of(when), List.of(), OptionalLong.empty(), START));
  }

  @Test
  void shouldParseQueryWithoutWhen() {
    assertThat(DstParser.parseCommand("T.query (*)")).isEqualTo(new TableQuery(
        "t", Projection.all(), Optional.empty(), List.of(), OptionalLong.empty(), START));
  }

  @Test
  void shouldParseTheExpectedCoreCommands() {
    assertThat(DstParser.parseCommand("str.del \"k1\"")).isEqualTo(new StrDel("k1", START));
    assertThat(DstParser.parseCommand("dict.del \"dict_1\" \"k1\"")).isEqualTo(new DictDel("dict_1", List.of("k1"), START));
    assertThat(DstParser.parseCommand("table.drop task_table")).isEqualTo(new TableDrop("task_table", START));
    assertThat(DstParser.parseCommand("table.list")).isEqualTo(new TableList(START));
    assertThat(DstParser.parseCommand("table.desc task_table")).isEqualTo(new TableDesc("task_table", START));
    assertThat(DstParser.parseCommand("T.delete when a == 1"))
        .isEqualTo(new TableDelete("t", compare("a", ComparisonOperator.EQ, Literal.of(1L)), START));
    assertThat(DstParser.parseCommand("T.update set col = \"v\" when a == 1")).isEqualTo(new TableUpdate("t",
        List.of(new Assignment("col", Literal.of("v"))), compare("a", ComparisonOperator.EQ, Literal.of(1L)), START));
  }

  @Test
  void shouldParseTheDesignSchemaFile() throws IOException {
    SchemaFile schema = DstParser.parseSchema(resource("mytables.sc"), "mytables.sc");

    TypeRef string = TypeRef.of(ScalarTypeName.STRING);
    TypeRef integer = TypeRef.of(ScalarTypeName.INT);
    assertThat(schema).isEqualTo(new SchemaFile("mytables.sc", List.of(
        new TableDef("task_table", List.of(
            new ColumnDef("task_id", string, true, false, at(2, 3)),
            new ColumnDef("driver_id", string, false, true, at(3, 3)),
            new ColumnDef("task_name", string, false, false, at(4, 3)),
            new ColumnDef("return_num", integer, false, false, at(5, 3)),
            new ColumnDef("arguments", TypeRef.arrayOf(ScalarTypeName.STRING), false, false, at(6, 3))), at(1, 1)),
        new TableDef("driver_table", List.of(
            new ColumnDef("driver_id", string, true, false, at(9, 2)),
            new ColumnDef("driver_name", string, false, false, at(10, 2)),
            new ColumnDef("actor_num", integer, false, false, at(11, 2))), at(8, 1)))));
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition(line, column);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DesignExamplesTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
