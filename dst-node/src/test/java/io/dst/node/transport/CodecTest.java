package io.dst.node.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.ErrorCode;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.expr.SortKey;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Message;
import io.dst.engine.PartitionId;
import io.dst.node.protocol.Query;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodecTest {
  private static final PartitionId P = new PartitionId("task_table", 3);

  static EmbeddedChannel channel() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Pipelines.installCodecs(ch.pipeline());
    return ch;
  }

  /** Encodes messages on one channel and returns the concatenated wire bytes. */
  static byte[] wireBytes(List<Message> messages) {
    EmbeddedChannel out = channel();
    ByteBuf all = Unpooled.buffer();
    for (Message m : messages) {
      out.writeOutbound(m);
      ByteBuf b;
      while ((b = out.readOutbound()) != null) {
        all.writeBytes(b);
        b.release();
      }
    }
    byte[] bytes = new byte[all.readableBytes()];
    all.readBytes(bytes);
    return bytes;
  }

  static List<Message> sample() {
    Mutation insert = new Mutation.Insert("task_table", 3,
        List.<Object[]>of(new Object[] {"00001", "22222", "my_task", 3, List.of("1", "2")},
            new Object[] {"00002", null, "x", -7, List.of()}));
    Mutation update = new Mutation.Update("task_table", 3,
        Predicate.and(new Predicate.Compare(3, CompareOp.GT, 3L), new Predicate.Not(
            new Predicate.Like(2, "my%", '\\'))), Map.of(2, "renamed"));
    Mutation batch = new Mutation.KvBatch(3, List.of(new Mutation.StrPut("a", "1"),
        new Mutation.StrSet("a", "2", io.dst.engine.api.KvStore.SetCondition.IF_PRESENT, 99, 5)));
    return List.of(
        new DataRequest.Write(1, P, 7, insert, LogEntryCodec.encode(insert)),
        new DataRequest.Write(2, P, 7, update, LogEntryCodec.encode(update)),
        new DataRequest.Read(3, P, -1, new Query.Scan("task_table",
            ScanSpec.filtered(new Predicate.In(1, List.of("a", "b"))).withProjection(0, 2)
                .withSort(List.of(SortKey.desc(3))).withLimit(10))),
        new DataRequest.Read(4, P, 2, new Query.Aggregate("task_table", new AggregateSpec(
            new Predicate.IsNull(1), new int[] {1},
            List.of(AggregateCall.countStar(), new AggregateCall(AggregateFunction.AVG, 3))))),
        new DataRequest.Read(5, new PartitionId(PartitionId.KV_TABLE, 0), 1, new Query.KvGet("k1")),
        new ReplicationRequest.Handshake(6, P, 9, 2),
        new ReplicationRequest.Append(7, P, 9, 100, 98, List.of(
            new ReplicationRequest.EntryData(9, new byte[] {1, 2, 3}),
            new ReplicationRequest.EntryData(9, new byte[0]))),
        new ReplicationRequest.InstallSnapshot(8, P, 9, 50, 8, new byte[] {9, 9}),
        new ReplicationRequest.LogEnd(9, P),
        new Response.Ok(10, new byte[] {4, 5}),
        new Response.Error(11, ErrorCode.NOT_PRIMARY, "node 2 is not the primary of task_table/3"),
        new DataRequest.Read(12, new PartitionId(PartitionId.KV_TABLE, 3), 1, new Query.KvTtl("k")),
        new DataRequest.Read(13, new PartitionId(PartitionId.KV_TABLE, 3), 1,
            new Query.KvMultiGet(List.of("a", "b", "c"))),
        new DataRequest.Write(14, new PartitionId(PartitionId.KV_TABLE, 3), 7, batch,
            LogEntryCodec.encode(batch)));
  }

  @Test
  void shouldDecodeEveryMessageWhateverTheByteBoundaries() {
    List<Message> sent = sample();
    byte[] bytes = wireBytes(sent);
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      EmbeddedChannel in = channel();
      int pos = 0;
      while (pos < bytes.length) {
        int n = round == 0 ? 1 : 1 + random.nextInt(Math.min(40, bytes.length - pos));
        n = Math.min(n, bytes.length - pos);
        in.writeInbound(Unpooled.wrappedBuffer(bytes, pos, n));
        pos += n;
      }
      List<Object> received = new ArrayList<>();
      Object m;
      while ((m = in.readInbound()) != null) {
        received.add(m);
      }
      assertThat(received).hasSameSizeAs(sent);
      for (int i = 0; i < sent.size(); i++) {
        assertThat(received.get(i)).usingRecursiveComparison().isEqualTo(sent.get(i));
      }
      assertThat(in.isOpen()).isTrue();
    }
  }

  @Test
  void shouldRejectAFrameLengthBelowTheHeader() {
    EmbeddedChannel in = channel();
    in.pipeline().addLast(new ServerHandler(r -> null));
    in.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, 1, 2, 3}));
    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void shouldRejectAnUnknownOpBeforeTheFrameArrives() {
    EmbeddedChannel in = channel();
    in.pipeline().addLast(new ServerHandler(r -> null));
    in.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 100, 0x7f}));
    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void shouldRejectAPayloadThatEndsEarly() {
    EmbeddedChannel in = channel();
    in.pipeline().addLast(new ServerHandler(r -> null));
    // READ frame whose payload is a table-name length pointing past the end
    ByteBuf b = Unpooled.buffer();
    b.writeInt(9 + 4).writeByte(0x11).writeLong(1).writeInt(1000);
    in.writeInbound(b);
    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void shouldRejectTrailingBytesAfterTheLastField() {
    byte[] ok = wireBytes(List.of(new ReplicationRequest.LogEnd(1, P)));
    ByteBuf b = Unpooled.buffer();
    b.writeInt(ok.length - 4 + 2).writeBytes(ok, 4, ok.length - 4).writeShort(0);
    EmbeddedChannel in = channel();
    in.pipeline().addLast(new ServerHandler(r -> null));
    in.writeInbound(b);
    assertThat(in.isOpen()).isFalse();
  }
}
