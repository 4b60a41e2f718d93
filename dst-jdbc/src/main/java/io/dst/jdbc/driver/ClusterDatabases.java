package io.dst.jdbc.driver;

import io.dst.engine.DstException;
import io.dst.node.client.ClusterDataStore;
import io.dst.sql.DstDatabase;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Databases over Dst clusters found through ZooKeeper. The cluster client is thread-safe and heavy
 * (a ZooKeeper session, connections to every node), so all connections of the JVM to the same
 * {@code zk/cluster} share one, opened by the first (with its connectTimeout) and closed after the last.
 */
final class ClusterDatabases {
  private static final SharedDatabases CLUSTERS = new SharedDatabases();

  private ClusterDatabases() {}

  static DatabaseHandle open(DstUrl url, ConnectionSettings settings, String text) throws SQLException {
    Duration timeout = Duration.ofSeconds(settings.connectTimeoutSeconds() == 0
        ? ConnectionSettings.DEFAULT_CONNECT_TIMEOUT : settings.connectTimeoutSeconds());
    try {
      return CLUSTERS.acquire(url.zookeeper() + "/" + url.cluster(), text,
          () -> DstDatabase.open(ClusterDataStore.connect(url.zookeeper(), url.cluster(), timeout)));
    } catch (DstException e) {
      throw SqlErrors.from(e.code(), "cannot connect to cluster " + url.cluster() + " at " + url.zookeeper()
          + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new SQLException("cannot connect to cluster " + url.cluster() + " at " + url.zookeeper() + ": "
          + e.getMessage(), "08001", e);
    }
  }
}
