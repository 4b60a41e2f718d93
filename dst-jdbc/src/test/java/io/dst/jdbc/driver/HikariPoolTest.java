package io.dst.jdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HikariPoolTest {
  static final int BORROWERS = 8;
  static final int WRITES_EACH = 20;

  @Test
  void aPoolOverANamedDatabaseServesConcurrentBorrowers() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:dst:mem:pool");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(10_000);
    config.setPoolName("dst-test");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE counters (id VARCHAR PRIMARY KEY, borrower INTEGER, n INTEGER)");
      }
      ExecutorService threads = Executors.newFixedThreadPool(BORROWERS);
      List<Future<?>> work = new ArrayList<>();
      for (int b = 0; b < BORROWERS; b++) {
        int borrower = b;
        work.add(threads.submit(() -> {
          for (int i = 0; i < WRITES_EACH; i++) {
            try (Connection c = pool.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO counters VALUES (?, ?, ?)")) {
              insert.setString(1, borrower + "-" + i);
              insert.setInt(2, borrower);
              insert.setInt(3, i);
              insert.executeUpdate();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
      threads.shutdown();
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT borrower) FROM counters")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo((long) BORROWERS * WRITES_EACH);
        assertThat(rs.getLong(2)).isEqualTo(BORROWERS);
      }
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(4);
    }
  }
}
