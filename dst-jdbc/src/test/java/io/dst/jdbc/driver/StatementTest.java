package io.dst.jdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.jdbc.DstStatement;
import io.dst.jdbc.TestFiles;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest {
  Connection connection;
  Statement statement;

  @BeforeEach
  void createTables() throws SQLException {
    connection = DriverManager.getConnection("jdbc:dst:mem:");
    statement = connection.createStatement();
    statement.execute("table.create task_table driver_table from " + TestFiles.SCHEMA_FILE);
    statement.execute("task_table.add \"00001\", \"22222\", \"my_task\", 3, [\"1\", \"2\"]");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void aCommandQueryReturnsRowsThroughExecuteQuery() throws SQLException {
    try (ResultSet rs = statement.executeQuery("task_table.query (*) when driver_id == \"22222\"")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("task_id")).isEqualTo("00001");
      assertThat(rs.getInt("return_num")).isEqualTo(3);
      Array arguments = rs.getArray("arguments");
      assertThat((Object[]) arguments.getArray()).containsExactly("1", "2");
      assertThat(arguments.getBaseType()).isEqualTo(Types.VARCHAR);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aWriteCommandAnswersWithAMessageAndUpdateCountZero() throws SQLException {
    assertThat(statement.execute("str.put \"k1\" \"v1\"")).isFalse();
    assertThat(statement.getUpdateCount()).isZero();
    assertThat(statement.getResultSet()).isNull();
    assertThat(statement.unwrap(DstStatement.class).lastMessage()).isEqualTo("ok");
    assertThat(statement.getMoreResults()).isFalse();
    assertThat(statement.getUpdateCount()).isEqualTo(-1);
  }

  @Test
  void executeQueryOnAWriteCommandGivesTheMessageAsOneRow() throws SQLException {
    try (ResultSet rs = statement.executeQuery("str.put \"k1\" \"v1\"")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("result")).isEqualTo("ok");
    }
  }

  @Test
  void sqlAndCommandsSeeTheSameData() throws SQLException {
    assertThat(statement.executeUpdate(
        "INSERT INTO task_table (task_id, driver_id, task_name, return_num) VALUES ('00002', '22222', 'other', 5)"))
        .isEqualTo(1);
    try (ResultSet rs = statement.executeQuery("task_table.query (task_id) when return_num > 4")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("00002");
    }
  }

  @Test
  void resultSetMetaDataDescribesTypesPrecisionAndNullability() throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT task_id, return_num, arguments FROM task_table")) {
      ResultSetMetaData meta = rs.getMetaData();
      assertThat(meta.getColumnCount()).isEqualTo(3);
      assertThat(meta.getColumnLabel(1)).isEqualTo("task_id");
      assertThat(meta.getColumnType(1)).isEqualTo(Types.VARCHAR);
      assertThat(meta.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(meta.getColumnType(2)).isEqualTo(Types.INTEGER);
      assertThat(meta.getColumnTypeName(2)).isEqualTo("INTEGER");
      assertThat(meta.getColumnClassName(2)).isEqualTo(Integer.class.getName());
      assertThat(meta.isSigned(2)).isTrue();
      assertThat(meta.getColumnType(3)).isEqualTo(Types.ARRAY);
      assertThat(meta.getColumnTypeName(3)).isEqualTo("VARCHAR ARRAY");
      assertThat(meta.getTableName(1)).isEqualTo("task_table");
    }
  }

  @Test
  void countStarIsLabelledCountLikePostgres() throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM task_table")) {
      assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("count");
      assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("count");
    }
  }

  @Test
  void getObjectConvertsToTheAskedClassAndWasNullReportsNulls() throws SQLException {
    statement.execute("task_table.add \"00003\", \"22222\", null, 7, []");
    try (ResultSet rs = statement.executeQuery(
        "SELECT task_name, return_num FROM task_table WHERE task_id = '00003'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getObject(2, Long.class)).isEqualTo(7L);
      assertThat(rs.wasNull()).isFalse();
      assertThat(rs.getObject(2, String.class)).isEqualTo("7");
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("7");
    }
  }

  @Test
  void generatedKeysAreAnEmptyResultNeverNull() throws SQLException {
    statement.executeUpdate("INSERT INTO driver_table VALUES ('d1', 'ann', 1)", Statement.RETURN_GENERATED_KEYS);
    try (ResultSet keys = statement.getGeneratedKeys()) {
      assertThat(keys).isNotNull();
      assertThat(keys.next()).isFalse();
    }
  }

  @Test
  void aStatementBatchRunsCommandsAndSqlInOrder() throws SQLException {
    statement.addBatch("str.put \"a\" \"1\"");
    statement.addBatch("INSERT INTO driver_table VALUES ('d1', 'ann', 1)");
    statement.addBatch("INSERT INTO driver_table VALUES ('d2', 'bob', 2)");
    statement.addBatch("DELETE FROM driver_table WHERE actor_num > 0");
    assertThat(statement.executeBatch()).containsExactly(0, 1, 1, 2);
    assertThat(statement.executeBatch()).isEmpty();
  }

  @Test
  void aFailingBatchReportsTheCountsOfTheStatementsBeforeIt() throws SQLException {
    statement.addBatch("INSERT INTO driver_table VALUES ('d1', 'ann', 1)");
    statement.addBatch("INSERT INTO driver_table VALUES ('d1', 'again', 2)");
    statement.addBatch("INSERT INTO driver_table VALUES ('d3', 'cy', 3)");
    assertThatThrownBy(statement::executeBatch)
        .isInstanceOfSatisfying(BatchUpdateException.class, e -> {
          assertThat(e.getUpdateCounts()).containsExactly(1);
          assertThat(e.getSQLState()).isEqualTo("23505");
        });
  }

  @Test
  void errorsCarryTheSqlStateOfTheirKind() {
    assertThatThrownBy(() -> statement.executeQuery("SELEC nonsense"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
    assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
    assertThatThrownBy(() -> statement.execute("task_table.add \"00001\", \"x\", \"y\", 1, []"))
        .isInstanceOf(SQLIntegrityConstraintViolationException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
  }

  @Test
  void executeQueryAndExecuteUpdateRefuseTheOtherKindOfResult() {
    assertThatThrownBy(() -> statement.executeUpdate("SELECT * FROM task_table"))
        .isInstanceOf(SQLException.class).hasMessageContaining("returned rows");
    assertThatThrownBy(() -> statement.executeQuery("DELETE FROM driver_table"))
        .isInstanceOf(SQLException.class).hasMessageContaining("update count");
  }

  @Test
  void autoCommitIsTheOnlyModeAndRollbackSaysSo() throws SQLException {
    assertThat(connection.getAutoCommit()).isTrue();
    connection.commit();
    connection.rollback();
    connection.setAutoCommit(false);
    statement.execute("str.put \"k\" \"applied at once\"");
    connection.commit();
    assertThatThrownBy(connection::rollback).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
  }

  @Test
  void closingTheConnectionClosesItsStatementsAndResultSets() throws SQLException {
    ResultSet rs = statement.executeQuery("SELECT * FROM task_table");
    connection.close();
    assertThat(statement.isClosed()).isTrue();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> statement.execute("str.get \"k\"")).isInstanceOf(SQLException.class);
  }

  @Test
  void runningAgainClosesThePreviousResultAndCloseOnCompletionClosesTheStatement() throws SQLException {
    ResultSet first = statement.executeQuery("SELECT * FROM task_table");
    statement.executeQuery("SELECT * FROM driver_table");
    assertThat(first.isClosed()).isTrue();
    statement.closeOnCompletion();
    statement.getResultSet().close();
    assertThat(statement.isClosed()).isTrue();
  }

  @Test
  void maxRowsLimitsTheRowsRead() throws SQLException {
    statement.execute("task_table.add \"00002\", \"22222\", \"b\", 1, []");
    statement.setMaxRows(1);
    try (ResultSet rs = statement.executeQuery("SELECT * FROM task_table")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void unsupportedFeaturesThrowFeatureNotSupported() {
    assertThatThrownBy(() -> connection.prepareCall("call x()")).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(() -> connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
        ResultSet.CONCUR_READ_ONLY)).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(connection::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(() -> {
      try (ResultSet rs = statement.executeQuery("SELECT * FROM task_table")) {
        rs.previous();
      }
    }).isInstanceOf(SQLFeatureNotSupportedException.class);
  }

  @Test
  void createArrayOfMakesAnArrayOfTheValues() throws SQLException {
    Array a = connection.createArrayOf("VARCHAR", new Object[] {"x", "y"});
    assertThat((Object[]) a.getArray()).containsExactly("x", "y");
    assertThat(List.of((Object[]) a.getArray())).hasSize(2);
  }
}
