package io.dst.node.resp;

import io.dst.engine.EmbeddedStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedRespServer} (unreplicated, with active expiry) for bench/redis-benchmark.sh:
 * {@code RespBenchServer [port] [port-file] [io-threads] [native]}; port 0 picks a free one, written to
 * port-file.
 */
public final class RespBenchServer {
  private RespBenchServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    EmbeddedStore store = new EmbeddedStore();
    EmbeddedRespServer server = EmbeddedRespServer.start(store, builder -> {
      if (args.length > 2) {
        builder.ioThreads(Integer.parseInt(args[2]));
      }
      if (args.length > 3) {
        builder.nativeTransport(Boolean.parseBoolean(args[3]));
      }
      return builder;
    }, "127.0.0.1", port);
    InetSocketAddress address = server.address();
    if (args.length > 1) {
      Path tmp = Path.of(args[1] + ".tmp");
      Files.writeString(tmp, Integer.toString(address.getPort()), StandardCharsets.UTF_8);
      Files.move(tmp, Path.of(args[1]), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.println("dst resp server on " + address);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    new CountDownLatch(1).await();
  }
}
