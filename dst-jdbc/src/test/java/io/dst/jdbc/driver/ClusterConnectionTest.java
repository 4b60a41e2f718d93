package io.dst.jdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.node.local.LocalCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The cluster URL against a real three-node cluster with its own ZooKeeper, all in this JVM. */
class ClusterConnectionTest {

  @Test
  void twoConnectionsToAClusterUrlSeeEachOthersWritesThroughOneClient() throws Exception {
    try (LocalCluster cluster = new LocalCluster(3).start()) {
      String url = "jdbc:dst://" + cluster.zkConnect() + "/" + cluster.clusterName() + "?connectTimeout=20";
      try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url);
          Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
        assertThat(sa.execute("str.put \"k1\" \"v1\"")).isFalse();
        try (ResultSet rs = sb.executeQuery("str.get \"k1\"")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("v1");
        }
        sa.execute("CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER)");
        assertThat(sa.executeUpdate("INSERT INTO t VALUES ('a', 1), ('b', 2)")).isEqualTo(2);
        try (ResultSet rs = sb.executeQuery("SELECT sum(n) FROM t")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(3);
        }
        try (ResultSet rs = b.getMetaData().getTables(null, null, "t", null)) {
          assertThat(rs.next()).isTrue();
        }
        assertThat(a.unwrap(DstConnection.class).database()).isSameAs(b.unwrap(DstConnection.class).database());
      }
    }
  }
}
