package io.dst.node.metrics;

import io.dst.engine.EmbeddedStore;
import io.dst.node.replication.ReplicaManager;
import io.dst.node.resp.CommandObserver;
import io.dst.node.transport.RequestHandler;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One store node's metrics: a Prometheus registry (every series tagged with the node id) holding
 * request and Redis-command timers, replication and table-memory gauges, and the JVM's memory, GC,
 * thread, class-loader, CPU and uptime meters. The node hands it its request handler, Redis port
 * and replicas; {@link #scrape} renders the Prometheus text format.
 */
public final class NodeMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private ReplicationMetrics replication;
  private TableMemoryMetrics tables;

  public NodeMetrics(int nodeId) {
    registry.config().commonTags("node", String.valueOf(nodeId));
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** {@code handler}, timed per op and kind, with failures counted per error code. */
  public RequestHandler instrument(RequestHandler handler) {
    return new RequestMetrics(handler, registry);
  }

  /** The observer to install on the node's Redis port. */
  public CommandObserver redisCommands() {
    return new RespCommandMetrics(registry);
  }

  /** Reports the partitions {@code replicas} hosts and the tables in {@code store}. */
  public synchronized void watch(ReplicaManager replicas, EmbeddedStore store) {
    replication = new ReplicationMetrics(registry, replicas);
    tables = new TableMemoryMetrics(registry, store);
  }

  /** Writes every meter in the Prometheus text format (0.0.4), after reconciling the gauges. */
  public void scrape(OutputStream out) throws IOException {
    refresh();
    registry.scrape(out);
  }

  /** The Prometheus text format as a string; see {@link #scrape(OutputStream)}. */
  public String scrape() {
    refresh();
    return registry.scrape();
  }

  private synchronized void refresh() {
    if (replication != null) {
      replication.refresh();
      tables.refresh();
    }
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
