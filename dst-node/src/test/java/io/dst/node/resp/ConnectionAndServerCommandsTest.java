package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.util.SafeEncoder;

class ConnectionAndServerCommandsTest {
  private final RunningRespServer running = new RunningRespServer();
  private final Jedis jedis = running.jedis();

  @AfterEach
  void close() {
    jedis.close();
    running.close();
  }

  @Test
  void shouldPingAndEcho() {
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(jedis.ping("hi")).isEqualTo("hi");
    assertThat(jedis.echo("héllo")).isEqualTo("héllo");
  }

  @Test
  void shouldSelectOnlyDatabaseZero() {
    assertThat(jedis.select(0)).isEqualTo("OK");
    assertThatThrownBy(() -> jedis.select(1)).hasMessage("ERR DB index is out of range");
  }

  @Test
  void shouldNameAndNumberTheConnection() {
    assertThat(jedis.clientGetname()).isNull();
    assertThat(jedis.clientSetname("worker-1")).isEqualTo("OK");
    assertThat(jedis.clientGetname()).isEqualTo("worker-1");
    long id = jedis.clientId();
    try (Jedis other = running.jedis()) {
      assertThat(other.clientId()).isNotEqualTo(id);
      assertThat(other.clientGetname()).isNull();
    }
    assertThatThrownBy(() -> jedis.clientSetname("has space"))
        .hasMessageStartingWith("ERR Client names cannot contain spaces");
  }

  @Test
  void shouldAnswerUnknownCommandsInRedisWording() {
    ProtocolCommand foo = () -> SafeEncoder.encode("foo");
    assertThatThrownBy(() -> jedis.sendCommand(foo, "a", "b"))
        .hasMessage("ERR unknown command 'foo', with args beginning with: 'a' 'b' ");
    assertThatThrownBy(() -> jedis.sendCommand(foo))
        .hasMessage("ERR unknown command 'foo', with args beginning with: ");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void shouldAnswerArityErrorsInRedisWording() {
    assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.GET))
        .hasMessage("ERR wrong number of arguments for 'get' command");
    assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.GET, "a", "b"))
        .hasMessage("ERR wrong number of arguments for 'get' command");
    assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.CLIENT, "GETNAME", "x"))
        .hasMessage("ERR wrong number of arguments for 'client|getname' command");
  }

  @Test
  void shouldDescribeServerAndKeyspaceInInfo() {
    jedis.set("a", "1");
    jedis.hset("h", "f", "v");
    String info = jedis.info();
    assertThat(info).contains("# Server", "redis_version:", "tcp_port:" + running.port,
        "# Keyspace", "db0:keys=2,expires=0,avg_ttl=0");
    assertThat(jedis.info("keyspace")).doesNotContain("# Server").contains("db0:keys=2");
  }

  @Test
  void shouldDescribeCommandsForClientTools() {
    assertThat(jedis.commandCount()).isEqualTo(running.server.commands().size());
    List<Object> all = (List<Object>) jedis.sendCommand(Protocol.Command.COMMAND);
    assertThat(all).hasSize(running.server.commands().size());
    Map<String, ?> docs = jedis.commandDocs("get", "hset");
    assertThat(docs).containsOnlyKeys("get", "hset");
    List<Object> info = (List<Object>) jedis.sendCommand(Protocol.Command.COMMAND, "INFO", "get");
    List<Object> get = (List<Object>) info.get(0);
    assertThat(SafeEncoder.encode((byte[]) get.get(0))).isEqualTo("get");
    assertThat(get.get(1)).isEqualTo(2L);
  }

  @Test
  void shouldAnswerPipelinedCommandsInOrder() {
    Pipeline p = jedis.pipelined();
    List<Response<?>> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      replies.add(p.set("k" + i, "v" + i));
      replies.add(p.get("k" + i));
      replies.add(p.incr("n"));
    }
    replies.add(p.hget("k0", "f")); // WRONGTYPE mid-pipeline does not disturb the rest
    replies.add(p.get("k1999"));
    p.sync();
    for (int i = 0; i < 2000; i++) {
      assertThat(replies.get(3 * i).get()).isEqualTo("OK");
      assertThat(replies.get(3 * i + 1).get()).isEqualTo("v" + i);
      assertThat(replies.get(3 * i + 2).get()).isEqualTo(i + 1L);
    }
    assertThatThrownBy(() -> replies.get(6000).get()).hasMessageStartingWith("WRONGTYPE");
    assertThat(replies.get(6001).get()).isEqualTo("v1999");
  }

  @Test
  void shouldSpeakResp3AfterHello3() {
    running.kv().dictPut("h", Map.of("f", "v"));
    try (Jedis resp3 = running.jedis(RunningRespServer.config().protocol(RedisProtocol.RESP3).build())) {
      assertThat(resp3.hgetAll("h")).isEqualTo(Map.of("f", "v"));
      assertThat(resp3.get("missing")).isNull();
      assertThat(resp3.hget("h", "nope")).isNull();
      assertThat(resp3.set("k", "v")).isEqualTo("OK");
      assertThat(resp3.mget("k", "missing")).containsExactly("v", null);
    }
  }

  @Test
  void shouldRefuseUnknownProtocolVersions() {
    assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.HELLO, "4"))
        .hasMessage("NOPROTO unsupported protocol version");
    List<Object> hello = (List<Object>) jedis.sendCommand(Protocol.Command.HELLO, "2");
    assertThat(SafeEncoder.encode((byte[]) hello.get(0))).isEqualTo("server");
    assertThat(hello).contains(2L);
  }

  @Test
  void shouldCloseTheConnectionAfterQuit() {
    ProtocolCommand quit = () -> SafeEncoder.encode("QUIT");
    assertThat(SafeEncoder.encode((byte[]) jedis.sendCommand(quit))).isEqualTo("OK");
    assertThatThrownBy(jedis::ping)
        .isInstanceOf(redis.clients.jedis.exceptions.JedisConnectionException.class);
    try (Jedis other = running.jedis()) {
      assertThat(other.ping()).isEqualTo("PONG");
    }
  }
}
