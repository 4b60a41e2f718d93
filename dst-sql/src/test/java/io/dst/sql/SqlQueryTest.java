package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlQueryTest extends SessionTestSupport {

  @BeforeEach
  void createTables() {
    runAll(
        "create table driver (driver_id varchar primary key, driver_name varchar, actor_num int)",
        "create table task (task_id varchar primary key, driver_id varchar, task_name varchar, return_num int, cost double)",
        "insert into driver values ('d1', 'alice', 3), ('d2', 'bob', 5), ('d3', 'carol', null)",
        "insert into task values ('t1', 'd1', 'build', 3, 1.5), ('t2', 'd1', 'test', 7, 2.5),"
            + " ('t3', 'd2', 'deploy', null, 4.0), ('t4', 'd9', 'orphan', 1, null)");
  }

  @Test
  void shouldMatchUnquotedIdentifiersInAnyCase() {
    assertThat(rows("SELECT DRIVER_NAME FROM DRIVER WHERE DRIVER_ID = 'd1'")).containsExactly(row("alice"));
    assertThat(rows("select driver_name from driver where driver_id = 'd2'")).containsExactly(row("bob"));
    assertThat(labels(run("select Driver_Name from Driver where driver_id = 'd2'"))).containsExactly("driver_name");
  }

  @Test
  void shouldLabelUnaliasedFunctionCallsByTheFunctionName() {
    assertThat(labels(run("select count(*), sum(return_num) as total, max(cost), return_num + 1 from task "
        + "group by return_num order by 1"))).containsExactly("count", "total", "max", "EXPR$3");
    assertThat(labels(run("select count(*) from task"))).containsExactly("count");
  }

  @Test
  void shouldJoinTables() {
    assertThat(rows("select t.task_id, d.driver_name from task t join driver d on t.driver_id = d.driver_id order by t.task_id"))
        .containsExactly(row("t1", "alice"), row("t2", "alice"), row("t3", "bob"));
    assertThat(rows("select t.task_id, d.driver_name from task t left join driver d on t.driver_id = d.driver_id"
        + " where t.task_id = 't4'")).containsExactly(row("t4", null));
  }

  @Test
  void shouldGroupAndFilterGroups() {
    assertThat(rows("select driver_id, count(*), sum(return_num) from task group by driver_id having count(*) > 1"))
        .containsExactly(row("d1", 2L, 10));
    assertThat(rows("select count(*), count(return_num), min(task_name), max(cost) from task"))
        .containsExactly(row(4L, 3L, "build", 4.0));
  }

  @Test
  void shouldAverageWithSqlSemantics() {
    assertThat(rows("select avg(return_num) from task")).containsExactly(row(3));
    assertThat(rows("select avg(cost) from task")).containsExactly(row(8.0 / 3));
  }

  @Test
  void shouldRunSubqueries() {
    assertThat(rows("select driver_name from driver where driver_id in (select driver_id from task) order by 1"))
        .containsExactly(row("alice"), row("bob"));
    assertThat(rows("select driver_name from driver d where not exists "
        + "(select 1 from task t where t.driver_id = d.driver_id)")).containsExactly(row("carol"));
    assertThat(rows("select task_id from task where return_num = (select max(return_num) from task)"))
        .containsExactly(row("t2"));
  }

  @Test
  void shouldOrderLimitAndOffset() {
    assertThat(rows("select task_id from task order by task_id desc limit 2")).containsExactly(row("t4"), row("t3"));
    assertThat(rows("select task_id from task order by task_id limit 2 offset 1")).containsExactly(row("t2"), row("t3"));
    assertThat(rows("select task_id from task order by return_num nulls first, task_id"))
        .containsExactly(row("t3"), row("t4"), row("t1"), row("t2"));
  }

  @Test
  void shouldUnionAndCase() {
    assertThat(rows("select driver_id from driver union select driver_id from task order by 1"))
        .containsExactly(row("d1"), row("d2"), row("d3"), row("d9"));
    assertThat(rows("select task_id, case when return_num > 5 then 'big' when return_num is null then 'none' "
        + "else 'small' end from task order by task_id"))
        .containsExactly(row("t1", "small"), row("t2", "big"), row("t3", "none"), row("t4", "small"));
  }

  @Test
  void shouldEvaluateCommonFunctions() {
    assertThat(rows("select upper(driver_name), char_length(driver_name), coalesce(actor_num, 0), "
        + "substring(driver_name from 1 for 2), abs(-3), mod(7, 3) from driver where driver_id = 'd3'"))
        .containsExactly(row("CAROL", 5, 0, "ca", 3, 1));
    assertThat(rows("select driver_name || '!' from driver where driver_id = 'd1'")).containsExactly(row("alice!"));
  }

  @Test
  void shouldFollowNullSemantics() {
    assertThat(rows("select task_id from task where return_num <> 3 order by 1")).containsExactly(row("t2"), row("t4"));
    assertThat(rows("select task_id from task where not (return_num = 3) order by 1")).containsExactly(row("t2"), row("t4"));
    assertThat(rows("select task_id from task where return_num is null")).containsExactly(row("t3"));
    assertThat(rows("select null = null, 1 + null")).containsExactly(row(null, null));
    assertThat(rows("select count(*) from task where return_num in (3, null)")).containsExactly(row(1L));
  }

  @Test
  void shouldDivideIntegersAsIntegers() {
    assertThat(rows("select 7 / 2, 7.0 / 2, -7 / 2")).containsExactly(row(3, new java.math.BigDecimal("3.5"), -3));
    assertThat(rows("select return_num / 2 from task where task_id = 't2'")).containsExactly(row(3));
  }

  @Test
  void shouldAnswerQueriesOnEmptyTables() {
    runAll("create table empty_t (a int, b varchar)");
    assertThat(rows("select * from empty_t")).isEmpty();
    assertThat(rows("select count(*), sum(a), max(b) from empty_t")).containsExactly(row(0L, null, null));
    assertThat(rows("select b, count(*) from empty_t group by b")).isEmpty();
  }

  @Test
  void shouldQueryTablesWithoutPrimaryKey() {
    runAll("create table log_t (level varchar, msg varchar)",
        "insert into log_t values ('info', 'a'), ('info', 'a'), ('warn', 'b')");
    assertThat(rows("select level, count(*) from log_t group by level order by level"))
        .containsExactly(row("info", 2L), row("warn", 1L));
    assertThat(rows("select distinct msg from log_t order by msg")).containsExactly(row("a"), row("b"));
  }

  @Test
  void shouldFilterWithEveryComparisonForm() {
    assertThat(rows("select task_id from task where return_num >= 3 and return_num < 7")).containsExactly(row("t1"));
    assertThat(rows("select task_id from task where return_num > 3 or cost <= 1.5 order by 1")).containsExactly(row("t1"), row("t2"));
    assertThat(rows("select task_id from task where task_name like 'de%'")).containsExactly(row("t3"));
    assertThat(rows("select task_id from task where task_name not like '%e%' order by 1")).containsExactly(row("t1"), row("t4"));
    assertThat(rows("select task_id from task where task_id in ('t1', 't3') order by 1")).containsExactly(row("t1"), row("t3"));
    assertThat(rows("select task_id from task where return_num between 2 and 8 order by 1")).containsExactly(row("t1"), row("t2"));
    assertThat(rows("select task_id from task where 5 < return_num")).containsExactly(row("t2"));
    assertThat(rows("select task_id from task where cost is not null and return_num is not null order by 1"))
        .containsExactly(row("t1"), row("t2"));
  }

  @Test
  void shouldReportResultTypes() {
    StatementResult result = run("select task_id, return_num, cost, count(*) over () as n from task where task_id = 't1'");
    var columns = ((StatementResult.Rows) result).columns();
    assertThat(columns).extracting(ResultColumn::sqlType)
        .containsExactly(java.sql.Types.VARCHAR, java.sql.Types.INTEGER, java.sql.Types.DOUBLE, java.sql.Types.BIGINT);
    assertThat(columns.get(0).tableName()).isEqualTo("task");
    rowsOf(result);
  }
}
