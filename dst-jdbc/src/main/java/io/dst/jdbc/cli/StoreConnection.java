package io.dst.jdbc.cli;

import io.dst.engine.api.DataStore;
import io.dst.jdbc.driver.DstConnection;
import io.dst.sql.DstDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A JDBC connection opened by a data command ({@code dump}, {@code load}, {@code import}) for the
 * store behind it: the bulk paths work on the {@link DataStore} directly, not through statements.
 */
final class StoreConnection implements AutoCloseable {
  private final Connection connection;

  private StoreConnection(Connection connection) {
    this.connection = connection;
  }

  static StoreConnection open(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    if (c == null) {
      throw new SQLException("no Dst driver accepts " + url + " (URLs start with jdbc:dst:)");
    }
    return new StoreConnection(c);
  }

  DstDatabase database() throws SQLException {
    return connection.unwrap(DstConnection.class).database();
  }

  DataStore store() throws SQLException {
    return database().store();
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
