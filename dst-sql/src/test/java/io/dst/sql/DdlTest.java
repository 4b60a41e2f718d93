package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;

class DdlTest extends SessionTestSupport {

  @Test
  void shouldMapStandardSqlTypesToDstTypes() {
    run("CREATE TABLE Typed (ID INTEGER NOT NULL, B BIGINT, S SMALLINT, D DECIMAL(10, 2), F FLOAT, "
        + "C CHAR(3), V VARCHAR(20), BO BOOLEAN, BI VARBINARY(8), TS TIMESTAMP, DT DATE, PRIMARY KEY (ID))");
    TableSchema schema = store.table("typed").orElseThrow().schema();
    assertThat(schema.columns()).extracting(c -> c.type().element()).containsExactly(ScalarType.INT,
        ScalarType.LONG, ScalarType.INT, ScalarType.DOUBLE, ScalarType.DOUBLE, ScalarType.STRING,
        ScalarType.STRING, ScalarType.BOOL, ScalarType.BYTES, ScalarType.TIMESTAMP, ScalarType.TIMESTAMP);
    assertThat(schema.columns().get(0).primaryKey()).isTrue();
    assertThat(schema.columns().get(1).nullable()).isTrue();
  }

  @Test
  void shouldAcceptColumnLevelPrimaryKeyAndTablesWithoutOne() {
    runAll("create table a (id varchar primary key, n int not null)", "create table b (x int, y int)");
    assertThat(store.table("a").orElseThrow().schema().primaryKeyIndex()).isZero();
    assertThat(store.table("a").orElseThrow().schema().columns().get(1).nullable()).isFalse();
    assertThat(store.table("b").orElseThrow().schema().hasPrimaryKey()).isFalse();
    runAll("insert into b values (1, 2), (1, 2)");
    assertThat(rows("select count(*) from b")).containsExactly(row(2L));
  }

  @Test
  void shouldRejectCompositePrimaryKeys() {
    assertThatThrownBy(() -> run("create table c (a int, b int, primary key (a, b))"))
        .isInstanceOf(DstException.class)
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
  }

  @Test
  void shouldCreateIfNotExistsAndDropIfExists() {
    run("create table t (id int primary key)");
    assertThatThrownBy(() -> run("create table t (id int primary key)"))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.TABLE_EXISTS));
    run("create table if not exists t (id int primary key)");
    run("drop table t");
    assertThat(store.table("t")).isEmpty();
    run("drop table if exists t");
    assertThatThrownBy(() -> run("drop table t"))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TABLE));
  }

  @Test
  void shouldReplanCachedStatementsAfterDdl() {
    run("create table t (id int primary key, a int)");
    run("insert into t values (1, 10)");
    assertThat(rows("select * from t")).containsExactly(row(1, 10));
    run("drop table t");
    run("create table t (id int primary key, a int, b varchar)");
    run("insert into t values (1, 10, 'x')");
    assertThat(rows("select * from t")).containsExactly(row(1, 10, "x"));
  }

  @Test
  void shouldCreateSingleAndMultiColumnIndexesAndUseThem() {
    runAll("create table person (id int primary key, first_name varchar, last_name varchar, age int)",
        "insert into person values (1, 'ann', 'lee', 30), (2, 'bob', 'lee', 40), (3, 'ann', 'kim', 50)",
        "create index person_last on person (last_name)",
        "create index person_name on person (first_name, last_name)");
    assertThat(store.table("person").orElseThrow().schema().extraIndexes())
        .containsExactly(java.util.List.of("last_name"), java.util.List.of("first_name", "last_name"));
    assertThat(explain("select id from person where last_name = 'lee'")).contains("indexLookup=[last_name = 'lee']");
    assertThat(rows("select id from person where last_name = 'lee' order by id")).containsExactly(row(1), row(2));
    assertThat(rows("select id from person where first_name = 'ann' and last_name = 'kim'")).containsExactly(row(3));
  }

  @Test
  void shouldCreateQueryAndDropViews() {
    runAll("create table t (id int primary key, grp varchar, n int)",
        "insert into t values (1, 'a', 1), (2, 'a', 2), (3, 'b', 5)",
        "create view totals as select grp, sum(n) as total from t group by grp");
    assertThat(rows("select total from totals where grp = 'a'")).containsExactly(row(3));
    assertThat(rows("SELECT TOTAL FROM TOTALS WHERE GRP = 'b'")).containsExactly(row(5));
    run("create or replace view totals (g, s) as select grp, count(*) from t group by grp");
    assertThat(rows("select s from totals where g = 'a'")).containsExactly(row(2L));
    run("drop view totals");
    assertThatThrownBy(() -> run("select * from totals"))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TABLE));
  }
}
