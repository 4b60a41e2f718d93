package io.dst.node.resp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters that INFO reports and that hand out client ids; shared by all connections of a server. */
public final class ServerStatus {
  private final long startedAtMillis = System.currentTimeMillis();
  private final AtomicLong nextClientId = new AtomicLong();
  private final AtomicInteger connectedClients = new AtomicInteger();
  private final LongAdder commandsProcessed = new LongAdder();
  private volatile int port;

  long newClientId() {
    return nextClientId.incrementAndGet();
  }

  void connected() {
    connectedClients.incrementAndGet();
  }

  void disconnected() {
    connectedClients.decrementAndGet();
  }

  void commandsProcessed(int n) {
    commandsProcessed.add(n);
  }

  void port(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  public long totalConnections() {
    return nextClientId.get();
  }

  public int connectedClients() {
    return connectedClients.get();
  }

  public long commandsProcessed() {
    return commandsProcessed.sum();
  }

  public long uptimeSeconds() {
    return (System.currentTimeMillis() - startedAtMillis) / 1000;
  }
}
