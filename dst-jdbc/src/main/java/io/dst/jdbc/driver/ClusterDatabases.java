package io.dst.jdbc.driver;

import io.dst.engine.api.DataStore;
import io.dst.sql.DstDatabase;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Opens a database over a Dst cluster found through ZooKeeper: one cluster client per connection,
 * closed with it.
 */
final class ClusterDatabases {
  private ClusterDatabases() {}

  static DatabaseHandle open(DstUrl url, ConnectionSettings settings, String text) throws SQLException {
    Duration timeout = Duration.ofSeconds(settings.connectTimeoutSeconds() == 0
        ? ConnectionSettings.DEFAULT_CONNECT_TIMEOUT : settings.connectTimeoutSeconds());
    DataStore store = connect(url.zookeeper(), url.cluster(), timeout, text);
    DstDatabase db = DstDatabase.open(store);
    return new DatabaseHandle() {
      private boolean released;

      @Override
      public DstDatabase database() {
        return db;
      }

      @Override
      public String url() {
        return text;
      }

      @Override
      public synchronized void release() {
        if (!released) {
          released = true;
          try {
            db.close();
          } finally {
            store.close();
          }
        }
      }
    };
  }

  // ---- CLUSTER WIRING: the one place that reaches dst-node's client ----------------------------
  // Replace the body with:
  //   return io.dst.node.client.ClusterDataStore.connect(zookeeper, cluster, timeout);
  // (mapping its failures to SQLException "08001" as below) once ClusterDataStore exists.
  private static DataStore connect(String zookeeper, String cluster, Duration timeout, String text)
      throws SQLException {
    throw new SQLException("cannot connect to cluster " + cluster + " at " + zookeeper
        + ": cluster connections are not available yet", "08001");
  }
}
