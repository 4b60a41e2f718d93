package io.dst.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.grammar.ast.ColumnDef;
import io.dst.grammar.ast.ScalarTypeName;
import io.dst.grammar.ast.SchemaFile;
import io.dst.grammar.ast.TableDef;
import io.dst.grammar.ast.TypeRef;
import org.junit.jupiter.api.Test;

/** What `.sc` files may contain: several tables, optional semicolons, comments, markers and every type. */
class SchemaSyntaxTest {

  @Test
  void shouldAcceptTableWithoutPrimaryKey() {
    TableDef table = DstParser.parseSchema("table log { at: timestamp; line: string }", "log.sc").tables().get(0);
    assertThat(table.primaryKey()).isEmpty();
    assertThat(table.columns()).extracting(ColumnDef::name).containsExactly("at", "line");
  }

  @Test
  void shouldAcceptIndexOnSeveralColumns() {
    TableDef table = DstParser.parseSchema("table t { [p]id: long; [i]a: string; [i]b: int; c: bool; }", "t.sc").tables().get(0);
    assertThat(table.columns()).extracting(ColumnDef::indexed).containsExactly(false, true, true, false);
    assertThat(table.primaryKey()).map(ColumnDef::name).contains("id");
  }

  @Test
  void shouldReadEveryScalarTypeAndArraysOfThem() {
    SchemaFile schema = DstParser.parseSchema("""
        table all_types {
          s: string; i: int; l: long; d: double; b: bool; y: bytes; t: timestamp;
          sa: [string]; ia: [ INT ]; ta: [Timestamp];
        }""", "types.sc");
    assertThat(schema.tables().get(0).columns()).extracting(ColumnDef::type).containsExactly(
        TypeRef.of(ScalarTypeName.STRING), TypeRef.of(ScalarTypeName.INT), TypeRef.of(ScalarTypeName.LONG),
        TypeRef.of(ScalarTypeName.DOUBLE), TypeRef.of(ScalarTypeName.BOOL), TypeRef.of(ScalarTypeName.BYTES),
        TypeRef.of(ScalarTypeName.TIMESTAMP), TypeRef.arrayOf(ScalarTypeName.STRING), TypeRef.arrayOf(ScalarTypeName.INT),
        TypeRef.arrayOf(ScalarTypeName.TIMESTAMP));
  }

  @Test
  void shouldSkipCommentsAndMakeSemicolonsAfterBracesOptional() {
    SchemaFile schema = DstParser.parseSchema("""
        // the first table
        table a { x: int; };
        /* the second
           table */
        TABLE B { [P]Y: int /* no ; before } */ }
        table c { z: int }""", "abc.sc");
    assertThat(schema.tables()).extracting(TableDef::name).containsExactly("a", "b", "c");
    assertThat(schema.table("b").orElseThrow().primaryKey()).map(ColumnDef::name).contains("y");
  }

  @Test
  void shouldIgnoreAByteOrderMarkAndWindowsLineEnds() {
    SchemaFile schema = DstParser.parseSchema("\uFEFFtable t {\r\n  [p]id: int;\r\n}\r\n", "bom.sc");
    assertThat(schema.tables()).extracting(TableDef::name).containsExactly("t");
  }

  @Test
  void shouldParseAnEmptyFileToNoTables() {
    assertThat(DstParser.parseSchema("// nothing yet\n", "empty.sc").tables()).isEmpty();
  }

  @Test
  void shouldRenderSchemaThatParsesBackToTheSameTables() {
    SchemaFile schema = DstParser.parseSchema("table t { [p]id: long; [i]tags: [string]; n: double }", "t.sc");
    String text = DstRenderer.render(schema);
    assertThat(text).isEqualTo("table t {\n  [p]id: long;\n  [i]tags: [string];\n  n: double;\n}\n");
    assertThat(DstParser.parseSchema(text, "t.sc").tables())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("position", "columns.position")
        .isEqualTo(schema.tables());
  }
}
