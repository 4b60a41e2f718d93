package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group-by with enough partial groups (more than 8,192 over all partitions) that the partials are
 * merged in parallel key-hash shards: every group, including the null one, must come out once with
 * the right aggregates, and the output order must not change between runs.
 */
class LargeGroupByTest extends SessionTestSupport {
  private static final int ROWS = 30_000;
  private static final int KEYS = 12_000;

  @Test
  void shouldMergeManyPartialGroupsExactlyOnce() {
    run("create table g (id int primary key, k varchar, v int)");
    PreparedStatementPlan insert = session.prepare("insert into g values (?, ?, ?)");
    List<List<Object>> batch = new ArrayList<>();
    Map<String, long[]> model = new HashMap<>(); // count, sum, min, max
    for (int id = 0; id < ROWS; id++) {
      String k = id % KEYS == 0 ? null : "k" + (id % KEYS);
      int v = id % 7;
      batch.add(Arrays.asList(id, k, v));
      long[] s = model.computeIfAbsent(k, x -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
      s[0]++;
      s[1] += v;
      s[2] = Math.min(s[2], v);
      s[3] = Math.max(s[3], v);
    }
    insert.executeBatch(batch);

    String sql = "select k, count(*), sum(v), min(v), max(v) from g group by k";
    List<List<Object>> rows = rows(sql);
    assertThat(rows).hasSize(model.size());
    Map<String, long[]> seen = new HashMap<>();
    for (List<Object> row : rows) {
      long[] got = {((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue(),
          ((Number) row.get(3)).longValue(), ((Number) row.get(4)).longValue()};
      assertThat(seen.put((String) row.get(0), got)).as("group %s twice", row.get(0)).isNull();
      assertThat(got).as("group %s", row.get(0)).containsExactly(model.get((String) row.get(0)));
    }
    assertThat(rows(sql)).containsExactlyElementsOf(rows);
  }
}
