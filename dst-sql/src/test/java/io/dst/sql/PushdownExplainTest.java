package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EXPLAIN PLAN proves each kind of work is pushed into the Dst scan rather than done above it. */
class PushdownExplainTest extends SessionTestSupport {

  @BeforeEach
  void createTable() {
    runAll("create table task (task_id varchar primary key, driver_id varchar, task_name varchar, "
            + "return_num int, cost double)",
        "create index task_driver on task (driver_id)",
        "insert into task values ('t1', 'd1', 'build', 3, 1.5), ('t2', 'd1', 'test', 7, 2.5), "
            + "('t3', 'd2', 'deploy', null, 4.0)");
  }

  @Test
  void shouldPushComparisonsIntoScan() {
    String plan = explain("select task_id from task where return_num > 3 and cost <= 2.5");
    assertThat(plan).contains("DstTableScan(table=[[task]], filter=[(return_num > 3) AND (cost <= 2.5)]")
        .doesNotContain("EnumerableCalc");
  }

  @Test
  void shouldPushOrNotInLikeAndNullTests() {
    assertThat(explain("select task_id from task where return_num = 3 or not (task_name like 'b%')"))
        .contains("filter=[(return_num = 3) OR (NOT (task_name LIKE 'b%'))]");
    assertThat(explain("select task_id from task where task_name in ('build', 'test')"))
        .contains("filter=[task_name IN ('build', 'test')]");
    assertThat(explain("select task_id from task where task_name like 'b%'"))
        .contains("filter=[task_name LIKE 'b%']");
    assertThat(explain("select task_id from task where return_num is null"))
        .contains("filter=[return_num IS NULL]");
    assertThat(explain("select task_id from task where return_num is not null"))
        .contains("filter=[NOT (return_num IS NULL)]");
  }

  @Test
  void shouldKeepUntranslatablePartsAboveScan() {
    String plan = explain("select task_id from task where upper(task_name) = 'BUILD' and return_num < 5");
    assertThat(plan).contains("filter=[return_num < 5]").contains("EnumerableCalc").contains("UPPER");
  }

  @Test
  void shouldPushProjection() {
    assertThat(explain("select task_name, cost from task")).contains("project=[[task_name, cost]]");
  }

  @Test
  void shouldPushLimit() {
    assertThat(explain("select task_id from task limit 2")).contains("fetch=[2]").doesNotContain("EnumerableLimit");
    assertThat(rows("select task_id from task limit 2")).hasSize(2);
  }

  @Test
  void shouldPushTopNPerPartition() {
    String plan = explain("select task_id, cost from task order by cost desc limit 2");
    assertThat(plan).contains("sort=[[cost DESC]]").contains("fetch=[2]").doesNotContain("EnumerableSort");
    assertThat(rows("select task_id, cost from task order by cost desc limit 2"))
        .containsExactly(row("t3", 4.0), row("t2", 2.5));
    assertThat(rows("select task_id from task order by task_id limit 1 offset 1")).containsExactly(row("t2"));
  }

  @Test
  void shouldPushAggregatesAsPartials() {
    String plan = explain("select driver_id, count(*), sum(return_num), min(cost), max(task_name), avg(cost) "
        + "from task where cost > 1 group by driver_id");
    assertThat(plan).contains("filter=[cost > 1.0]")
        .contains("aggregate=[group=[driver_id], calls=[COUNT_STAR(*), SUM(return_num), MIN(cost), MAX(task_name), AVG(cost)]]")
        .doesNotContain("EnumerableAggregate");
    assertThat(rows("select driver_id, count(*), sum(return_num), min(cost), max(task_name), avg(cost) "
        + "from task where cost > 1 group by driver_id order by driver_id"))
        .containsExactly(row("d1", 2L, 10, 1.5, "test", 2.0), row("d2", 1L, null, 4.0, "deploy", 4.0));
  }

  @Test
  void shouldUsePrimaryKeyLookup() {
    assertThat(explain("select task_name from task where task_id = 't2' and cost > 1"))
        .contains("pkLookup=[task_id = 't2']");
    assertThat(rows("select task_name from task where task_id = 't2' and cost > 1")).containsExactly(row("test"));
  }

  @Test
  void shouldUseSecondaryIndexLookup() {
    assertThat(explain("select task_id from task where driver_id = 'd1'")).contains("indexLookup=[driver_id = 'd1']");
    assertThat(rows("select task_id from task where driver_id = 'd1' order by task_id")).containsExactly(row("t1"), row("t2"));
  }

  @Test
  void shouldPushFiltersBelowJoins() {
    runAll("create table driver (driver_id varchar primary key, driver_name varchar)",
        "insert into driver values ('d1', 'alice'), ('d2', 'bob')");
    String plan = explain("select t.task_id, d.driver_name from task t join driver d on t.driver_id = d.driver_id "
        + "where t.return_num > 2 and d.driver_name like 'a%'");
    assertThat(plan).contains("filter=[return_num > 2], project=[[task_id, driver_id]]")
        .contains("filter=[driver_name LIKE 'a%']");
  }

  @Test
  void shouldPlanCommandQueriesThroughTheSamePushdown() {
    assertThat(rows("task.query (task_id) when return_num > 3 order by task_id limit 5")).containsExactly(row("t2"));
  }
}
