package io.dst.jdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.jdbc.TestFiles;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementTest {
  Connection connection;

  @BeforeEach
  void createTables() throws SQLException {
    connection = DriverManager.getConnection("jdbc:dst:mem:");
    connection.createStatement().execute("table.create task_table driver_table from " + TestFiles.SCHEMA_FILE);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void parametersBindAndTheStatementRunsAgainWithNewValues() throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO driver_table VALUES (?, ?, ?)")) {
      insert.setString(1, "d1");
      insert.setString(2, "ann");
      insert.setInt(3, 1);
      assertThat(insert.executeUpdate()).isEqualTo(1);
      insert.setString(1, "d2");
      insert.setObject(2, "bob");
      insert.setLong(3, 2L);
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT driver_name FROM driver_table WHERE actor_num >= ? ORDER BY driver_name")) {
      select.setInt(1, 2);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("bob");
        assertThat(rs.next()).isFalse();
      }
      select.setObject(1, 0, Types.INTEGER);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ann");
      }
    }
  }

  @Test
  void parameterAndResultMetaDataAreKnownBeforeRunning() throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT driver_id, actor_num FROM driver_table WHERE actor_num > ?")) {
      ParameterMetaData params = select.getParameterMetaData();
      assertThat(params.getParameterCount()).isEqualTo(1);
      assertThat(params.getParameterType(1)).isEqualTo(Types.INTEGER);
      assertThat(select.getMetaData().getColumnCount()).isEqualTo(2);
      assertThat(select.getMetaData().getColumnType(2)).isEqualTo(Types.INTEGER);
    }
  }

  @Test
  void unsetParametersAreRefusedAndClearParametersUnsetsThem() throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT * FROM driver_table WHERE driver_id = ?")) {
      assertThatThrownBy(select::executeQuery).isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07002");
      select.setString(1, "x");
      select.executeQuery().close();
      select.clearParameters();
      assertThatThrownBy(select::executeQuery).hasMessageContaining("parameter 1 of 1 is not set");
      assertThatThrownBy(() -> select.setString(2, "y")).isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07009");
    }
  }

  @Test
  void aBatchRunsThePlanOncePerParameterSet() throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO driver_table VALUES (?, ?, ?)")) {
      for (int i = 0; i < 3; i++) {
        insert.setString(1, "d" + i);
        insert.setString(2, "name" + i);
        insert.setBigDecimal(3, BigDecimal.valueOf(i));
        insert.addBatch();
      }
      assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
    }
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM driver_table")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(3);
    }
  }

  @Test
  void nullParametersAndCommandsPrepareToo() throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO driver_table VALUES (?, ?, ?)")) {
      insert.setString(1, "d9");
      insert.setNull(2, Types.VARCHAR);
      insert.setNull(3, Types.INTEGER);
      insert.executeUpdate();
    }
    try (PreparedStatement put = connection.prepareStatement("str.put \"k\" \"v\"")) {
      assertThat(put.execute()).isFalse();
      assertThat(put.unwrap(io.dst.jdbc.DstStatement.class).lastMessage()).isEqualTo("ok");
    }
    try (PreparedStatement query = connection.prepareStatement("driver_table.query (*) when driver_id == \"d9\"");
        ResultSet rs = query.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("driver_name")).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getInt("actor_num")).isZero();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  @Test
  void everyStoredTypeRoundTripsThroughSettersAndGetters() throws SQLException {
    connection.createStatement().execute("CREATE TABLE typed (id BIGINT PRIMARY KEY, d DOUBLE, b BOOLEAN,"
        + " bin VARBINARY, ts TIMESTAMP)");
    java.time.LocalDateTime when = java.time.LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_000_000);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, 1L << 40);
      insert.setDouble(2, 2.5);
      insert.setBoolean(3, true);
      insert.setBytes(4, new byte[] {1, 2, 3});
      insert.setObject(5, when);
      insert.executeUpdate();
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT * FROM typed WHERE id = ?")) {
      select.setObject(1, 1L << 40);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong("id")).isEqualTo(1L << 40);
        assertThat(rs.getDouble("d")).isEqualTo(2.5);
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getBytes("bin")).containsExactly(1, 2, 3);
        assertThat(rs.getObject("ts", java.time.LocalDateTime.class)).isEqualTo(when);
        assertThat(rs.getTimestamp("ts")).isEqualTo(java.sql.Timestamp.valueOf(when));
        assertThat(rs.getMetaData().getColumnType(5)).isEqualTo(Types.TIMESTAMP);
        assertThat(rs.getMetaData().getColumnType(4)).isEqualTo(Types.VARBINARY);
      }
    }
  }

  @Test
  void textTakingMethodsAreRefusedOnAPreparedStatement() throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SELECT 1")) {
      assertThatThrownBy(() -> p.executeQuery("SELECT 2")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> p.addBatch("SELECT 2")).isInstanceOf(SQLException.class);
    }
  }
}
