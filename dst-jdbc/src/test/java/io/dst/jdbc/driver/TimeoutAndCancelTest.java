package io.dst.jdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.jdbc.TestFiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeoutAndCancelTest {
  /** Reading a three-way self cross join of this many rows (125 million) takes far longer than the timeouts below. */
  static final int ROWS = 500;
  static final String SLOW = "SELECT a.driver_id, b.driver_id, c.driver_id FROM driver_table a, driver_table b,"
      + " driver_table c";

  Connection connection;

  @BeforeEach
  void fillATable() throws SQLException {
    connection = DriverManager.getConnection("jdbc:dst:mem:");
    connection.createStatement().execute("table.create driver_table from " + TestFiles.SCHEMA_FILE);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO driver_table VALUES (?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        insert.setString(1, "d" + i);
        insert.setString(2, "n" + i);
        insert.setInt(3, i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void aQueryPastItsTimeoutFailsWithSqlTimeoutException() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> {
        try (ResultSet rs = s.executeQuery(SLOW)) {
          readAll(rs);
        }
      }).isInstanceOf(SQLTimeoutException.class).hasMessageContaining("timed out after 1 s");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
    }
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM driver_table")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the connection still works after a timeout").isEqualTo(ROWS);
    }
  }

  @Test
  void cancelFromAnotherThreadStopsARunningQuery() throws Exception {
    Statement s = connection.createStatement();
    CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(500);
        s.cancel();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThatThrownBy(() -> {
      try (ResultSet rs = s.executeQuery(SLOW)) {
        readAll(rs);
      }
    }).isInstanceOf(SQLException.class).hasMessageContaining("cancelled")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY008");
    canceller.get(5, TimeUnit.SECONDS);
  }

  private static void readAll(ResultSet rs) throws SQLException {
    while (rs.next()) {
      rs.getString(1);
    }
  }

  @Test
  void theConnectionPropertySetsTheDefaultTimeout() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:dst:mem:?queryTimeout=7");
        Statement s = c.createStatement()) {
      assertThat(s.getQueryTimeout()).isEqualTo(7);
    }
  }
}
