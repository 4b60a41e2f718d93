package io.dst.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

  @Test
  void shouldHaveNoPeerAddressOverridesByDefault() {
    assertThat(NodeConfig.builder("zk:2181", "c").build().peerAddresses()).isEmpty();
  }

  @Test
  void shouldKeepPeerAddressOverridesThroughToBuilderAndCopyThem() {
    Map<Integer, String> overrides = new HashMap<>(Map.of(2, "127.0.0.1:4002", 3, "127.0.0.1:4003"));
    NodeConfig config = NodeConfig.builder("zk:2181", "c").peerAddresses(overrides).build();
    overrides.put(4, "127.0.0.1:4004");

    assertThat(config.peerAddresses()).containsOnly(Map.entry(2, "127.0.0.1:4002"), Map.entry(3, "127.0.0.1:4003"));
    assertThat(config.toBuilder().build().peerAddresses()).isEqualTo(config.peerAddresses());
  }

  @Test
  void shouldParsePeerAddressOverridesFromTheCommandLineForm() {
    Map<Integer, String> into = new HashMap<>();
    NodeConfig.parsePeerAddress("2=127.0.0.1:4002", into);
    NodeConfig.parsePeerAddress("3=[::1]:4003", into);
    assertThat(into).containsOnly(Map.entry(2, "127.0.0.1:4002"), Map.entry(3, "[::1]:4003"));
  }

  @Test
  void shouldRejectMalformedPeerAddressesNamingTheValue() {
    Map<Integer, String> into = new HashMap<>();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeConfig.parsePeerAddress("127.0.0.1:4002", into))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--peer-address needs N=HOST:PORT, got 127.0.0.1:4002");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeConfig.parsePeerAddress("two=h:1", into))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--peer-address needs a numeric node id, got two=h:1");
    assertThat(into).isEmpty();
  }
}
