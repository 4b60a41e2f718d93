package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sessions on one database share cached plans; running them at once must not mix up their rows. */
class ConcurrentSessionsTest extends SessionTestSupport {

  @Test
  void shouldRunSharedPlansFromManySessionsAtOnce() throws Exception {
    run("create table acc (id int primary key, owner varchar, balance bigint)");
    int threads = 4;
    int perThread = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        results.add(pool.submit(() -> {
          try (DstSession s = database.openSession()) {
            PreparedStatementPlan insert = s.prepare("insert into acc values (?, ?, ?)");
            PreparedStatementPlan lookup = s.prepare("select owner, balance from acc where id = ?");
            long found = 0;
            for (int i = base; i < base + perThread; i++) {
              insert.execute(List.of(i, "owner-" + i, (long) i * 10));
              List<List<Object>> rows = rowsOf(lookup.execute(List.of(i)));
              if (rows.equals(List.of(List.of("owner-" + i, (long) i * 10)))) {
                found++;
              }
              rowsOf(s.execute("select count(*) from acc where balance >= " + (i % 7)));
            }
            return found;
          }
        }));
      }
      for (Future<Long> f : results) {
        assertThat(f.get()).isEqualTo(perThread);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows("select count(*), sum(balance) from acc"))
        .containsExactly(row((long) threads * perThread, 10L * (threads * perThread - 1) * threads * perThread / 2));
  }
}
