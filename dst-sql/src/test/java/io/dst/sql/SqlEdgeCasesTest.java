package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlEdgeCasesTest extends SessionTestSupport {

  @BeforeEach
  void createTable() {
    runAll("create table n (id int primary key, grp varchar, v int)",
        "insert into n values (1, 'a', 10), (2, 'a', 20), (3, 'b', 30), (4, 'b', null), (5, 'c', 50)");
  }

  @Test
  void shouldAcceptATrailingSemicolon() {
    assertThat(rows("select count(*) from n;")).containsExactly(row(5L));
    assertThat(rows("select count(*) from n ;  \n")).containsExactly(row(5L));
  }

  @Test
  void shouldRunCommonTableExpressionsAndSetOperations() {
    assertThat(rows("with big as (select id from n where v >= 20) select count(*) from big")).containsExactly(row(3L));
    assertThat(rows("select grp from n intersect select grp from n where v > 25 order by 1"))
        .containsExactly(row("b"), row("c"));
    assertThat(rows("select grp from n except select grp from n where v > 25")).containsExactly(row("a"));
    assertThat(rows("select id from n where v < 15 union all select id from n where v < 15")).containsExactly(row(1), row(1));
  }

  @Test
  void shouldCountDistinctAndUseCorrelatedSubqueries() {
    assertThat(rows("select count(distinct grp), count(v), count(*) from n")).containsExactly(row(3L, 4L, 5L));
    assertThat(rows("select v, count(*) from n where grp = 'b' group by v order by v nulls first"))
        .containsExactly(row(null, 1L), row(30, 1L));
    assertThat(rows("select grp, v, count(*) from n group by grp, v having count(*) = 1 and grp = 'b' order by v"))
        .containsExactly(row("b", 30, 1L), row("b", null, 1L));
    assertThat(rows("select id, (select max(v) from n m where m.grp = n.grp) from n where id in (1, 4) order by id"))
        .containsExactly(row(1, 20), row(4, 30));
  }

  @Test
  void shouldBindParametersForInListsAndLimits() {
    PreparedStatementPlan plan = session.prepare("select id from n where id in (?, ?) order by id");
    assertThat(rowsOf(plan.execute(List.of(2, 5)))).containsExactly(row(2), row(5));
    PreparedStatementPlan limited = session.prepare("select id from n order by id limit ?");
    assertThat(rowsOf(limited.execute(List.of(2)))).containsExactly(row(1), row(2));
  }

  @Test
  void shouldEvaluateLibraryAndStatisticalFunctions() {
    assertThat(rows("select concat(grp, 'x'), string_agg(grp, ',') from n where id <= 2 group by grp"))
        .containsExactly(row("ax", "a,a"));
    assertThat(rows("select count(*) from n where grp ilike 'A'")).containsExactly(row(2L));
    assertThat(rows("select var_pop(v) from n where grp = 'a'")).containsExactly(row(25));
    assertThat(rows("select id from n order by id fetch first 2 rows only")).containsExactly(row(1), row(2));
    assertThat(rows("select sum(v) filter (where v > 15), count(*) from n")).containsExactly(row(100, 5L));
  }

  @Test
  void shouldComputeWindowFunctions() {
    assertThat(rows("select id, row_number() over (partition by grp order by id) from n where grp = 'a' order by id"))
        .containsExactly(row(1, 1L), row(2, 2L));
  }

  @Test
  void shouldRefuseToModifyViews() {
    run("create view big as select * from n where v > 10");
    assertThatThrownBy(() -> run("delete from big"))
        .isInstanceOf(DstException.class)
        .satisfies(e -> assertThat(((DstException) e).code()).isIn(ErrorCode.UNSUPPORTED, ErrorCode.SYNTAX));
  }

  @Test
  void shouldStopARunningStatementWhenCancelled() {
    StatementResult result = run("select id from n");
    session.cancel();
    assertThatThrownBy(() -> rowsOf(result)).isInstanceOf(DstException.class).hasMessageContaining("cancelled");
    assertThat(rowsOf(run("select count(*) from n"))).containsExactly(row(5L));
  }

  @Test
  void shouldRejectUpdatingThePrimaryKeyToAnotherValue() {
    assertThatThrownBy(() -> run("update n set id = id + 100 where grp = 'a'"))
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
    assertThat(rows("select count(*) from n where id > 100")).containsExactly(row(0L));
  }
}
