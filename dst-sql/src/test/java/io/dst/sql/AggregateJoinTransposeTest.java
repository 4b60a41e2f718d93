package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GROUP BY over a join of a fact table to a dimension's primary key aggregates the fact rows inside
 * the partitions first; results must equal the join-then-group semantics, including null and
 * unmatched keys and dimension rows sharing a group value.
 */
class AggregateJoinTransposeTest extends SessionTestSupport {

  @BeforeEach
  void createTables() {
    runAll("create table driver (driver_id varchar primary key, driver_name varchar, actor_num int)",
        "insert into driver values ('d1', 'alice', 1), ('d2', 'bob', 2), ('d3', 'alice', 3), ('d4', 'carol', 4)",
        "create table task (task_id varchar primary key, driver_id varchar, return_num int, cost double)",
        "insert into task values ('t1', 'd1', 3, 1.5), ('t2', 'd1', 7, 2.5), ('t3', 'd2', null, 4.0), "
            + "('t4', 'd3', 5, null), ('t5', null, 1, 10.0), ('t6', 'd9', 2, 3.0)");
  }

  @Test
  void shouldAggregateFactRowsInsideTheScanBeforeTheJoin() {
    String plan = explain("select d.driver_name, count(*), sum(t.cost) from task t join driver d "
        + "on t.driver_id = d.driver_id where t.return_num < 100 group by d.driver_name");
    assertThat(plan).contains("DstTableScan(table=[[task]], filter=[return_num < 100], "
        + "aggregate=[group=[driver_id], calls=[COUNT_STAR(*), SUM(cost)]])");
  }

  @Test
  void shouldGiveJoinThenGroupResultsForEverySplittableAggregate() {
    assertThat(rows("select d.driver_name, count(*), count(t.return_num), sum(t.cost), min(t.return_num), "
        + "max(t.cost) from task t join driver d on t.driver_id = d.driver_id group by d.driver_name "
        + "order by d.driver_name"))
        .containsExactly(row("alice", 3L, 3L, 4.0, 3, 2.5), row("bob", 1L, 0L, 4.0, null, 4.0));
  }

  @Test
  void shouldGroupByFactAndDimensionColumnsWithTheDimensionOnEitherSide() {
    assertThat(rows("select t.driver_id, d.driver_name, count(*) from driver d join task t "
        + "on d.driver_id = t.driver_id where d.actor_num < 4 group by t.driver_id, d.driver_name order by 1"))
        .containsExactly(row("d1", "alice", 2L), row("d2", "bob", 1L), row("d3", "alice", 1L));
  }

  @Test
  void shouldNotTransposeWhenNeitherSideJoinsOnItsPrimaryKey() {
    String plan = explain("select d.driver_name, count(*) from task t join driver d "
        + "on t.return_num = d.actor_num group by d.driver_name");
    assertThat(plan).doesNotContain("aggregate=[");
    assertThat(rows("select d.driver_name, count(*) from task t join driver d on t.return_num = d.actor_num "
        + "group by d.driver_name order by 1")).containsExactly(row("alice", 2L), row("bob", 1L));
  }
}
