package io.dst.node.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.PartitionId;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.ReplicaPosition;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.Response;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipeliningTest {
  static final int REQUESTS = 20;

  @Test
  void shouldMatchResponsesThatArriveInReverseOrderToTheirRequests() throws Exception {
    EventLoopGroup group = Pipelines.eventLoops("pipelining", 2);
    List<CompletableFuture<Response>> held = new ArrayList<>();
    List<Message.Request> seen = new ArrayList<>();
    // Holds every answer until all requests are in, then answers the last one first.
    RequestHandler reverse = request -> {
      synchronized (held) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        held.add(f);
        seen.add(request);
        if (held.size() == REQUESTS) {
          for (int i = REQUESTS - 1; i >= 0; i--) {
            int p = seen.get(i) instanceof ReplicationRequest r ? r.partition().partition() : -1;
            held.get(i).complete(new Response.Ok(seen.get(i).requestId(),
                new ReplicaPosition(0, p, 0, 0).encode()));
          }
        }
        return f;
      }
    };
    NodeServer server = new NodeServer(group, reverse);
    try {
      InetSocketAddress a = server.bind("127.0.0.1", 0);
      try (Connection c = Connection.open(group, "127.0.0.1", a.getPort(), Duration.ofSeconds(2))
          .get()) {
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
          int partition = i;
          answers.add(c.send(id -> new ReplicationRequest.LogEnd(id,
              new PartitionId("t", partition)), Duration.ofSeconds(5)));
        }
        for (int i = 0; i < REQUESTS; i++) {
          Response r = answers.get(i).get(5, TimeUnit.SECONDS);
          assertThat(ReplicaPosition.decode(((Response.Ok) r).body()).logEnd())
              .as("answer to request %d", i).isEqualTo(i);
        }
      }
    } finally {
      server.close();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }

  @Test
  void shouldFailPendingRequestsWhenTheConnectionDrops() throws Exception {
    EventLoopGroup group = Pipelines.eventLoops("drop", 1);
    NodeServer server = new NodeServer(group, request -> new CompletableFuture<>());
    try {
      InetSocketAddress a = server.bind("127.0.0.1", 0);
      Connection c = Connection.open(group, "127.0.0.1", a.getPort(), Duration.ofSeconds(2)).get();
      CompletableFuture<Response> pending = c.send(id -> new ReplicationRequest.LogEnd(id,
          new PartitionId("t", 0)), Duration.ofSeconds(30));
      server.close();
      c.close();
      assertThat(pending).failsWithin(Duration.ofSeconds(5));
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
