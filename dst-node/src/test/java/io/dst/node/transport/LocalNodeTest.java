package io.dst.node.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Query;
import io.dst.node.protocol.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalNodeTest {
  static final DataRequest.Read READ =
      new DataRequest.Read(7, new PartitionId(PartitionId.KV_TABLE, 0), 1, new Query.KvGet("k"));

  @Test
  void shouldPassTheHandlersAnswerThrough() throws Exception {
    LocalNode node = new LocalNode(1, r -> CompletableFuture.completedFuture(
        new Response.Ok(r.requestId(), new byte[] {42})));
    Response r = node.send(READ, Duration.ofSeconds(1)).get(1, TimeUnit.SECONDS);
    assertThat(r).isInstanceOfSatisfying(Response.Ok.class,
        ok -> assertThat(ok.body()).containsExactly(42));
  }

  @Test
  void shouldAnswerAHandlerFailureAsAConnectionWouldWithAnErrorResponse() throws Exception {
    LocalNode thrower = new LocalNode(1, r -> {
      throw new DstException(ErrorCode.NOT_PRIMARY, "not the primary of $kv/0");
    });
    LocalNode failer = new LocalNode(1, r -> CompletableFuture.failedFuture(
        new DstException(ErrorCode.NOT_ENOUGH_REPLICAS, "too few")));
    assertThat(thrower.send(READ, Duration.ofSeconds(1)).get(1, TimeUnit.SECONDS))
        .isEqualTo(new Response.Error(7, ErrorCode.NOT_PRIMARY, "not the primary of $kv/0"));
    assertThat(failer.send(READ, Duration.ofSeconds(1)).get(1, TimeUnit.SECONDS))
        .isEqualTo(new Response.Error(7, ErrorCode.NOT_ENOUGH_REPLICAS, "too few"));
  }

  @Test
  void shouldFailWithTimeoutWhenTheHandlerNeverAnswers() {
    LocalNode silent = new LocalNode(3, r -> new CompletableFuture<>());
    assertThatThrownBy(() -> silent.send(READ, Duration.ofMillis(50)).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(DstException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
          assertThat(e.getMessage()).contains("node 3").contains("50 ms");
        });
  }
}
