package io.dst.node.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's metrics port: {@code GET /metrics} (or HEAD) answers the Prometheus text format, any
 * other path 404 and any other method on /metrics 405. It runs on the JDK's HTTP server with two
 * daemon threads of its own, so a slow scraper never touches the data path, and a request the JDK
 * cannot parse only closes that connection. The JDK server reads a request on an executor thread
 * and by default waits for it forever, so a client that stops mid-request would pin a thread; unless
 * the JVM was started with them, this sets the JDK's {@code sun.net.httpserver.maxReqTime} (5 s) and
 * {@code maxRspTime} (30 s) limits, which apply to every JDK HTTP server in the process.
 */
public final class MetricsHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsHttpServer.class);
  static final String PATH = "/metrics";
  /** What {@link NodeMetrics#scrape} writes: the Prometheus text exposition format 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final int THREADS = 2;

  static {
    // Read once, when the JDK's server configuration class loads, i.e. before the first server.
    System.setProperty("sun.net.httpserver.maxReqTime",
        System.getProperty("sun.net.httpserver.maxReqTime", "5"));
    System.setProperty("sun.net.httpserver.maxRspTime",
        System.getProperty("sun.net.httpserver.maxRspTime", "30"));
  }

  private final HttpServer server;
  private final ExecutorService thread;

  private MetricsHttpServer(HttpServer server, ExecutorService thread) {
    this.server = server;
    this.thread = thread;
  }

  /** Binds {@code host}:{@code port} (0 picks a free port) and serves {@code metrics}. */
  public static MetricsHttpServer start(String host, int port, NodeMetrics metrics, String name)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    ExecutorService thread = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(thread);
    server.createContext("/", exchange -> serve(exchange, metrics));
    server.start();
    return new MetricsHttpServer(server, thread);
  }

  private static void serve(HttpExchange exchange, NodeMetrics metrics) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        text(exchange, 404, "not found: metrics are at " + PATH + "\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        text(exchange, 405, "method " + method + " not allowed on " + PATH + "\n");
      } else {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        metrics.scrape(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        if (method.equals("HEAD")) {
          exchange.sendResponseHeaders(200, -1);
        } else {
          exchange.sendResponseHeaders(200, body.size());
          try (OutputStream out = exchange.getResponseBody()) {
            body.writeTo(out);
          }
        }
      }
    } catch (IOException e) {
      log.debug("metrics request from {} failed: {}", exchange.getRemoteAddress(), e.toString());
    } catch (RuntimeException e) {
      log.warn("metrics scrape failed", e);
      try {
        text(exchange, 500, "scrape failed: " + e + "\n");
      } catch (IOException | RuntimeException ignored) {
        // headers were already sent; the connection closes with the exchange
      }
    }
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    thread.shutdownNow();
  }
}
