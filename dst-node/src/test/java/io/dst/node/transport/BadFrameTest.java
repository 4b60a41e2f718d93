package io.dst.node.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.node.protocol.Message;
import io.dst.engine.PartitionId;
import io.dst.node.protocol.ReplicaPosition;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.Response;
import io.netty.channel.EventLoopGroup;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadFrameTest {
  private EventLoopGroup group;
  private NodeServer server;
  private InetSocketAddress address;

  @BeforeEach
  void start() throws Exception {
    group = Pipelines.eventLoops("test", 2);
    server = new NodeServer(group, this::answer);
    address = server.bind("127.0.0.1", 0);
  }

  private CompletableFuture<Response> answer(Message.Request r) {
    return CompletableFuture.completedFuture(
        new Response.Ok(r.requestId(), new ReplicaPosition(1, 2, 0, 3).encode()));
  }

  @AfterEach
  void stop() {
    server.close();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrong-length", "huge-length", "unknown-op", "garbage-payload"})
  void shouldCloseOnlyTheOffendingConnection(String kind) throws Exception {
    byte[] bad = switch (kind) {
      case "wrong-length" -> new byte[] {0, 0, 0, 2, 0x21, 0};
      case "huge-length" -> new byte[] {0x7f, 0, 0, 0, 0x21};
      case "unknown-op" -> new byte[] {0, 0, 0, 9, (byte) 0xee, 0, 0, 0, 0, 0, 0, 0, 1};
      default -> new byte[] {0, 0, 0, 12, 0x23, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 0x7f, 0x7f};
    };
    try (Socket s = new Socket(address.getHostString(), address.getPort())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(bad);
      out.flush();
      InputStream in = s.getInputStream();
      assertThat(in.read()).as("server closes the connection").isEqualTo(-1);
    }
    // the node still serves other connections
    try (Connection c = Connection.open(group, address.getHostString(), address.getPort(),
        Duration.ofSeconds(2)).get()) {
      Response r = c.send(id -> new ReplicationRequest.LogEnd(id, new PartitionId("t", 0)),
          Duration.ofSeconds(2)).get();
      assertThat(r).isInstanceOf(Response.Ok.class);
      assertThat(ReplicaPosition.decode(((Response.Ok) r).body()).logEnd()).isEqualTo(2);
    }
  }
}
