package io.dst.jdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DstUrlTest {

  @Test
  void unnamedMemoryUrlIsAPrivateDatabase() throws SQLException {
    DstUrl url = DstUrl.parse("jdbc:dst:mem:");
    assertThat(url.kind()).isEqualTo(DstUrl.Kind.MEM_PRIVATE);
    assertThat(url.name()).isNull();
  }

  @Test
  void namedMemoryUrlCarriesItsName() throws SQLException {
    DstUrl url = DstUrl.parse("jdbc:dst:mem:pool");
    assertThat(url.kind()).isEqualTo(DstUrl.Kind.MEM_NAMED);
    assertThat(url.name()).isEqualTo("pool");
  }

  @Test
  void clusterUrlListsZooKeeperHostsAndTheClusterName() throws SQLException {
    DstUrl url = DstUrl.parse("jdbc:dst://zk1:2181,zk2:2182/prod");
    assertThat(url.kind()).isEqualTo(DstUrl.Kind.CLUSTER);
    assertThat(url.zookeeper()).isEqualTo("zk1:2181,zk2:2182");
    assertThat(url.cluster()).isEqualTo("prod");
  }

  @Test
  void parametersFollowAQuestionMarkOrSemicolon() throws SQLException {
    assertThat(DstUrl.parse("jdbc:dst://zk:2181/c?connectTimeout=3&queryTimeout=5").parameters())
        .isEqualTo(Map.of("connectTimeout", "3", "queryTimeout", "5"));
    assertThat(DstUrl.parse("jdbc:dst:mem:x;queryTimeout=7").parameters()).isEqualTo(Map.of("queryTimeout", "7"));
    assertThat(DstUrl.parse("jdbc:dst:mem:x;queryTimeout=7").name()).isEqualTo("x");
  }

  @Test
  void otherUrlsAreNotAccepted() {
    assertThat(DstUrl.accepts("jdbc:h2:mem:")).isFalse();
    assertThat(DstUrl.accepts("jdbc:dst:")).isFalse();
    assertThat(DstUrl.accepts(null)).isFalse();
    assertThat(DstUrl.accepts("jdbc:dst:mem:")).isTrue();
    assertThat(DstUrl.accepts("jdbc:dst://zk:2181/c")).isTrue();
  }

  @Test
  void malformedClusterUrlsFailWithAConnectionSqlState() {
    assertThatThrownBy(() -> DstUrl.parse("jdbc:dst://zk:2181"))
        .isInstanceOf(SQLException.class).hasMessageContaining("expected jdbc:dst://")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    assertThatThrownBy(() -> DstUrl.parse("jdbc:dst://zk/c")).hasMessageContaining("host:port");
    assertThatThrownBy(() -> DstUrl.parse("jdbc:dst:mem:a?nokey")).hasMessageContaining("key=value");
  }

  @Test
  void propertiesOverrideUrlParametersAndTimeoutsMustBeWholeSeconds() throws SQLException {
    Properties info = new Properties();
    info.setProperty("queryTimeout", "9");
    info.setProperty("user", "ann");
    ConnectionSettings s = ConnectionSettings.from(Map.of("queryTimeout", "2", "connectTimeout", "4"), info);
    assertThat(s.queryTimeoutSeconds()).isEqualTo(9);
    assertThat(s.connectTimeoutSeconds()).isEqualTo(4);
    assertThat(s.user()).isEqualTo("ann");
    assertThatThrownBy(() -> ConnectionSettings.from(Map.of("queryTimeout", "soon"), null))
        .hasMessageContaining("queryTimeout");
  }
}
