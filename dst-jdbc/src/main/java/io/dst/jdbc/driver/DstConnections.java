package io.dst.jdbc.driver;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the database a {@link DstUrl} names and wraps it in a JDBC connection. */
public final class DstConnections {
  private DstConnections() {}

  public static Connection open(String text, DstUrl url, ConnectionSettings settings) throws SQLException {
    DatabaseHandle handle;
    try {
      handle = switch (url.kind()) {
        case MEM_PRIVATE -> EmbeddedDatabases.openPrivate(text);
        case MEM_NAMED -> EmbeddedDatabases.acquireNamed(url.name(), text);
        case CLUSTER -> ClusterDatabases.open(url, settings, text);
      };
    } catch (RuntimeException e) {
      throw SqlErrors.from(e);
    }
    try {
      return new DstConnection(handle, settings);
    } catch (RuntimeException e) {
      handle.release();
      throw SqlErrors.from(e);
    }
  }
}
