package io.dst.node.resp;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.api.KvStore;
import java.util.function.UnaryOperator;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/** A RESP server on a free loopback port over a fresh embedded store, for one test. */
final class RunningRespServer implements AutoCloseable {
  final EmbeddedStore store = new EmbeddedStore();
  final RespServer server;
  final int port;

  RunningRespServer() {
    this(b -> b);
  }

  RunningRespServer(UnaryOperator<RespServer.Builder> options) {
    this(null, options);
  }

  /** Over {@code kv} when given, else over the embedded store's kv. */
  RunningRespServer(KvStore kv, UnaryOperator<RespServer.Builder> options) {
    server = options.apply(RespServer.builder(kv != null ? kv : store.kv())).build();
    port = server.start(0).getPort();
  }

  KvStore kv() {
    return store.kv();
  }

  Jedis jedis() {
    return new Jedis("127.0.0.1", port);
  }

  Jedis jedis(JedisClientConfig config) {
    return new Jedis(new HostAndPort("127.0.0.1", port), config);
  }

  static DefaultJedisClientConfig.Builder config() {
    return DefaultJedisClientConfig.builder();
  }

  @Override
  public void close() {
    server.close();
  }
}
