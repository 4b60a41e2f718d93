package io.dst.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dst.engine.api.TableData;
import io.dst.engine.log.Mutation;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.StoreNode;
import io.dst.node.client.ClusterDataStore;
import io.dst.node.local.LocalCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A 3-node cluster with metrics and Redis ports: the scrape over real HTTP parses as Prometheus
 * text, and its series follow what the test did (writes, reads, Redis commands) and the cluster's
 * replication state; garbage on the metrics port leaves the node serving.
 */
class NodeMetricsTest {
  private static final String TABLE = "metered";
  private static final int PARTITIONS = 4;
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static LocalCluster cluster;
  private static ClusterDataStore store;

  @BeforeAll
  static void startCluster() {
    cluster = new LocalCluster(3, "metrics", null, b -> b.metricsPort(0).respPort(0)).start();
    store = ClusterDataStore.connect(cluster.zkConnect(), cluster.clusterName(),
        Duration.ofSeconds(10));
    TableSchema schema = new TableSchema(TABLE, List.of(
        new Column("id", ColumnType.of(ScalarType.LONG), true, false, false),
        new Column("name", ColumnType.of(ScalarType.STRING), false, false, true)));
    store.createTable(schema, PARTITIONS, 3, 2, false);
  }

  @AfterAll
  static void stopCluster() {
    if (store != null) {
      store.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void requestCountersGrowByTheWritesAndReadsTheClientMade() throws Exception {
    TableData t = store.table(TABLE).orElseThrow();
    List<PrometheusText> before = scrapeAll();
    int writes = 50;
    for (long k = 0; k < writes; k++) {
      t.insert(List.<Object[]>of(new Object[] {k, "row-" + k}));
    }
    for (long k = 0; k < writes; k++) {
      assertThat(t.get(k)).isPresent();
    }
    List<PrometheusText> after = scrapeAll();

    double inserts = delta(before, after, "dst_requests_seconds_count",
        s -> s.has("op", "write") && s.has("kind", "insert"));
    double failedWrites = delta(before, after, "dst_request_errors_total", s -> s.has("op", "write"));
    // A write refused as NOT_PRIMARY (stale routing) is retried by the client: count it once.
    assertThat(inserts - failedWrites).isEqualTo(writes);
    double reads = delta(before, after, "dst_requests_seconds_count",
        s -> s.has("op", "read") && s.has("kind", "get_row"));
    double failedReads = delta(before, after, "dst_request_errors_total", s -> s.has("op", "read"));
    assertThat(reads - failedReads).isEqualTo(writes);

    // Every insert landed in one histogram bucket at most +Inf: the +Inf bucket equals the count.
    double infBucket = delta(before, after, "dst_requests_seconds_bucket",
        s -> s.has("op", "write") && s.has("kind", "insert") && s.has("le", "+Inf"));
    assertThat(infBucket).isEqualTo(inserts);
    assertThat(after.get(0).samples("dst_requests_seconds_bucket",
        s -> s.has("le", "0.005") && s.has("kind", "insert"))).isNotEmpty();

    // Each node's engine estimate covers the rows it replicates (RF 3: all of them).
    for (PrometheusText scrape : after) {
      assertThat(scrape.sum("dst_table_memory_bytes", s -> s.has("table", TABLE)))
          .isGreaterThan(0);
    }
    // Replicated writes reach the followers as APPEND requests.
    assertThat(delta(before, after, "dst_requests_seconds_count", s -> s.has("op", "append")))
        .isPositive();
  }

  @Test
  void replicationGaugesShowTheInSyncSetLagAndPartitionPlacement() {
    store.table(TABLE).orElseThrow().insert(List.<Object[]>of(new Object[] {1000L, "x"}));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<PrometheusText> scrapes = scrapeAll();
      for (int p = 0; p < PARTITIONS; p++) {
        String partition = String.valueOf(p);
        // Only the primary reports in-sync size and replicas, so across nodes there is one series.
        List<PrometheusText.Sample> isr = samples(scrapes, "dst_partition_isr_size",
            s -> s.has("table", TABLE) && s.has("partition", partition));
        assertThat(isr).singleElement().extracting(PrometheusText.Sample::value).isEqualTo(3.0);
        assertThat(sum(scrapes, "dst_partition_replicas",
            s -> s.has("table", TABLE) && s.has("partition", partition))).isEqualTo(3);
        assertThat(sum(scrapes, "dst_partition_primary",
            s -> s.has("table", TABLE) && s.has("partition", partition))).isEqualTo(1);
        List<PrometheusText.Sample> lag = samples(scrapes, "dst_partition_follower_lag",
            s -> s.has("table", TABLE) && s.has("partition", partition));
        assertThat(lag).hasSize(2).allSatisfy(s -> assertThat(s.value()).isZero());
        // Lag 0 means every replica's log end equals the primary's.
        assertThat(samples(scrapes, "dst_partition_log_end",
            s -> s.has("table", TABLE) && s.has("partition", partition))
            .stream().map(PrometheusText.Sample::value).distinct()).hasSize(1);
      }
      int totalPartitions = Mutation.KV_PARTITIONS + PARTITIONS;
      assertThat(sum(scrapes, "dst_node_partitions", s -> true)).isEqualTo(3.0 * totalPartitions);
      assertThat(sum(scrapes, "dst_node_primaries", s -> true)).isEqualTo(totalPartitions);
      for (int i = 0; i < scrapes.size(); i++) {
        String node = String.valueOf(cluster.nodes().get(i).nodeId());
        assertThat(scrapes.get(i).sum("dst_node_primaries", s -> s.has("node", node)))
            .isEqualTo(scrapes.get(i).sum("dst_partition_primary", s -> s.has("node", node)));
      }
    });
  }

  @Test
  void redisCommandsAreTimedByNameAndErrorsCounted() throws Exception {
    StoreNode node = cluster.node(1);
    PrometheusText before = scrape(node);
    try (Jedis jedis = new Jedis("127.0.0.1", node.respAddress().getPort())) {
      for (int i = 0; i < 5; i++) {
        jedis.set("metrics-key-" + i, "v" + i);
      }
      assertThat(jedis.get("metrics-key-1")).isEqualTo("v1");
      assertThatThrownBy(() -> jedis.sendCommand(
          () -> "NOSUCHCOMMAND".getBytes(StandardCharsets.US_ASCII)))
          .hasMessageContaining("unknown command");
    }
    PrometheusText after = scrape(node);
    assertThat(delta(before, after, "dst_redis_commands_seconds_count", s -> s.has("command", "set")))
        .isEqualTo(5);
    assertThat(delta(before, after, "dst_redis_commands_seconds_count", s -> s.has("command", "get")))
        .isEqualTo(1);
    assertThat(delta(before, after, "dst_redis_command_errors_total",
        s -> s.has("command", "unknown"))).isEqualTo(1);
    assertThat(delta(before, after, "dst_redis_command_errors_total",
        s -> s.has("command", "set"))).isZero();
  }

  @Test
  void theEndpointServesPrometheusTextAndJvmMetricsOnlyAtSlashMetrics() throws Exception {
    StoreNode node = cluster.node(2);
    HttpResponse<String> ok = get(node, "/metrics");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    PrometheusText text = PrometheusText.parse(ok.body());
    assertThat(text.sum("jvm_memory_used_bytes", s -> true)).isPositive();
    assertThat(text.samples("jvm_threads_live_threads")).isNotEmpty();
    assertThat(text.samples("jvm_gc_pause_seconds_count")).isNotNull();
    assertThat(text.samples("dst_node_partitions"))
        .allSatisfy(s -> assertThat(s.labels()).containsEntry("node", String.valueOf(node.nodeId())));

    assertThat(get(node, "/").statusCode()).isEqualTo(404);
    assertThat(get(node, "/metrics/extra").statusCode()).isEqualTo(404);
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri(node, "/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void garbageOnTheMetricsPortClosesThatConnectionAndTheNodeKeepsServing() throws Exception {
    StoreNode node = cluster.node(3);
    InetSocketAddress at = node.metricsAddress();
    List<byte[]> garbage = List.of(
        new byte[] {0, 1, 2, 3, (byte) 0xff, '\r', '\n', '\r', '\n'},
        "NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        "GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: -7\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII),
        ("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII),
        "GET /metrics HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
    for (byte[] bytes : garbage) {
      try (Socket s = new Socket(at.getAddress(), at.getPort())) {
        s.setSoTimeout(2000);
        OutputStream out = s.getOutputStream();
        out.write(bytes);
        out.flush();
        s.shutdownOutput();
        s.getInputStream().readAllBytes();
      } catch (IOException e) {
        // the server may reset the connection: that is the point
      }
    }
    assertThat(get(node, "/metrics").statusCode()).isEqualTo(200);
    store.kv().put("after-garbage", "still-here");
    assertThat(store.kv().get("after-garbage")).isEqualTo("still-here");
  }

  @Test
  void clientsThatStopMidRequestDoNotBlockTheMetricsPortForLong() throws Exception {
    StoreNode node = cluster.node(2);
    InetSocketAddress at = node.metricsAddress();
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) { // more than the server's threads
        Socket s = new Socket(at.getAddress(), at.getPort());
        s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Half".getBytes(
            StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        stalled.add(s);
      }
      // The JDK server drops a request still incomplete after maxReqTime (5 s) and serves on.
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(node, "/metrics"))
          .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  private static List<PrometheusText> scrapeAll() throws Exception {
    List<PrometheusText> out = new ArrayList<>();
    for (StoreNode n : cluster.nodes()) {
      out.add(scrape(n));
    }
    return out;
  }

  private static PrometheusText scrape(StoreNode node) throws Exception {
    HttpResponse<String> r = get(node, "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    return PrometheusText.parse(r.body());
  }

  private static HttpResponse<String> get(StoreNode node, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(node, path)).timeout(Duration.ofSeconds(10))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(StoreNode node, String path) {
    return URI.create("http://127.0.0.1:" + node.metricsAddress().getPort() + path);
  }

  private static List<PrometheusText.Sample> samples(List<PrometheusText> scrapes, String name,
      java.util.function.Predicate<PrometheusText.Sample> filter) {
    return scrapes.stream().flatMap(s -> s.samples(name, filter).stream())
        .collect(Collectors.toList());
  }

  private static double sum(List<PrometheusText> scrapes, String name,
      java.util.function.Predicate<PrometheusText.Sample> filter) {
    return scrapes.stream().mapToDouble(s -> s.sum(name, filter)).sum();
  }

  private static double delta(List<PrometheusText> before, List<PrometheusText> after, String name,
      java.util.function.Predicate<PrometheusText.Sample> filter) {
    return sum(after, name, filter) - sum(before, name, filter);
  }

  private static double delta(PrometheusText before, PrometheusText after, String name,
      java.util.function.Predicate<PrometheusText.Sample> filter) {
    return after.sum(name, filter) - before.sum(name, filter);
  }
}
