package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;

class AuthTest {
  private final RunningRespServer running = new RunningRespServer(b -> b.password("s3cret"));

  @AfterEach
  void close() {
    running.close();
  }

  @Test
  void shouldAnswerNoauthBeforeAuth() {
    try (Jedis jedis = running.jedis()) {
      assertThatThrownBy(() -> jedis.get("k")).isInstanceOf(JedisDataException.class)
          .hasMessage("NOAUTH Authentication required.");
      assertThatThrownBy(() -> jedis.ping()).hasMessage("NOAUTH Authentication required.");
    }
  }

  @Test
  void shouldRefuseAWrongPassword() {
    try (Jedis jedis = running.jedis()) {
      assertThatThrownBy(() -> jedis.auth("nope")).isInstanceOf(JedisAccessControlException.class)
          .hasMessage("WRONGPASS invalid username-password pair or user is disabled.");
      assertThatThrownBy(() -> jedis.auth("admin", "s3cret"))
          .hasMessageStartingWith("WRONGPASS");
      assertThatThrownBy(() -> jedis.get("k")).hasMessage("NOAUTH Authentication required.");
    }
  }

  @Test
  void shouldServeAfterAuthWithPasswordOrDefaultUser() {
    try (Jedis jedis = running.jedis()) {
      assertThat(jedis.auth("s3cret")).isEqualTo("OK");
      assertThat(jedis.set("k", "v")).isEqualTo("OK");
    }
    try (Jedis jedis = running.jedis()) {
      assertThat(jedis.auth("default", "s3cret")).isEqualTo("OK");
      assertThat(jedis.get("k")).isEqualTo("v");
    }
  }

  @Test
  void shouldAuthenticateClientsConfiguredWithThePassword() {
    try (Jedis resp2 = running.jedis(RunningRespServer.config().password("s3cret").build());
        Jedis resp3 = running.jedis(RunningRespServer.config().password("s3cret")
            .protocol(RedisProtocol.RESP3).build())) {
      assertThat(resp2.set("k", "v")).isEqualTo("OK");
      assertThat(resp3.get("k")).isEqualTo("v");
    }
  }

  @Test
  void shouldRequireAuthWithinHelloWhenNotAuthenticated() {
    try (Jedis jedis = running.jedis()) {
      assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.HELLO, "3"))
          .hasMessageStartingWith("NOAUTH HELLO must be called with the client already authenticated");
    }
  }

  @Test
  void shouldRefuseAuthWhenNoPasswordIsSet() {
    try (RunningRespServer open = new RunningRespServer(); Jedis jedis = open.jedis()) {
      assertThatThrownBy(() -> jedis.auth("x"))
          .hasMessageStartingWith("ERR AUTH <password> called without any password configured");
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }
}
