package io.dst.node.resp;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.api.KvStore;
import java.util.function.UnaryOperator;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * A RESP server on a free loopback port for one test: by default an {@link EmbeddedRespServer}
 * (with active expiry) over a fresh embedded store.
 */
final class RunningRespServer implements AutoCloseable {
  final EmbeddedStore store;
  final RespServer server;
  final int port;
  private final EmbeddedRespServer embedded;

  RunningRespServer() {
    this(b -> b);
  }

  RunningRespServer(UnaryOperator<RespServer.Builder> options) {
    this(new EmbeddedStore(), options);
  }

  /** The embedded server over {@code store}, whose clock it uses. */
  RunningRespServer(EmbeddedStore store, UnaryOperator<RespServer.Builder> options) {
    this.store = store;
    embedded = EmbeddedRespServer.start(store, options, "127.0.0.1", 0);
    server = embedded.server();
    port = embedded.address().getPort();
  }

  /** A plain server over {@code kv}, without active expiry. */
  RunningRespServer(KvStore kv, UnaryOperator<RespServer.Builder> options) {
    store = null;
    embedded = null;
    server = options.apply(RespServer.builder(kv)).build();
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
    if (embedded != null) {
      embedded.close();
    } else {
      server.close();
    }
  }
}
