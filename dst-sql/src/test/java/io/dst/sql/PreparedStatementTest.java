package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementTest extends SessionTestSupport {

  @BeforeEach
  void createTable() {
    runAll("create table kv (k bigint primary key, v varchar, n int)",
        "insert into kv values (1, 'one', 10), (2, 'two', 20), (3, 'three', null)");
  }

  @Test
  void shouldDescribeParametersAndResults() {
    PreparedStatementPlan plan = session.prepare("select v, n from kv where k = ? and n > ?");
    assertThat(plan.parameterTypes()).containsExactly(java.sql.Types.BIGINT, java.sql.Types.INTEGER);
    assertThat(plan.resultColumns()).extracting(ResultColumn::label).containsExactly("v", "n");
    assertThat(rowsOf(plan.execute(List.of(2L, 5)))).containsExactly(row("two", 20));
  }

  @Test
  void shouldServePrimaryKeyLookupsOnTheFastPath() {
    PreparedStatementPlan plan = session.prepare("select v from kv where k = ?");
    assertThat(explain("select v from kv where k = 1")).contains("pkLookup");
    assertThat(rowsOf(plan.execute(List.of(1)))).containsExactly(row("one"));
    assertThat(rowsOf(plan.execute(List.of(3L)))).containsExactly(row("three"));
    assertThat(rowsOf(plan.execute(List.of(99L)))).isEmpty();
    java.util.Arrays.asList((Object) null);
    assertThat(rowsOf(plan.execute(java.util.Arrays.asList((Object) null)))).isEmpty();
  }

  @Test
  void shouldReuseCachedPlansAcrossSessions() {
    session.prepare("select v from kv where n > ?");
    int cached = ((io.dst.sql.session.DefaultDstDatabase) database).cachedPlans();
    try (DstSession other = database.openSession()) {
      PreparedStatementPlan plan = other.prepare("select v from kv where n > ?");
      assertThat(((io.dst.sql.session.DefaultDstDatabase) database).cachedPlans()).isEqualTo(cached);
      assertThat(rowsOf(plan.execute(List.of(15)))).containsExactly(row("two"));
    }
  }

  @Test
  void shouldBindParametersInsidePushedFilters() {
    PreparedStatementPlan plan = session.prepare("select k from kv where n >= ? and v like ? order by k");
    assertThat(rowsOf(plan.execute(List.of(10, "t%")))).containsExactly(row(2L));
    assertThat(rowsOf(plan.execute(List.of(0, "%")))).containsExactly(row(1L), row(2L));
  }
}
