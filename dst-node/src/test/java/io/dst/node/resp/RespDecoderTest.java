package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespDecoderTest {
  /** Three pipelined requests, one with an empty bulk and one whose bulk holds CR LF and '*'. */
  private static final String STREAM = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n"
      + "*2\r\n$4\r\nECHO\r\n$6\r\na\r\n*$1\r\n"
      + "*1\r\n$4\r\nPING\r\n";

  private static List<String> decode(byte[]... pieces) {
    EmbeddedChannel ch = new EmbeddedChannel(new RespDecoder());
    for (byte[] piece : pieces) {
      ch.writeInbound(Unpooled.wrappedBuffer(piece));
    }
    List<String> out = new ArrayList<>();
    for (Object m; (m = ch.readInbound()) != null; ) {
      RespCommand c = (RespCommand) m;
      List<String> args = new ArrayList<>();
      for (int i = 0; i < c.argc(); i++) {
        args.add(c.string(i));
      }
      out.add(String.join("|", args));
    }
    ch.finishAndReleaseAll();
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldDecodePipelinedRequestsFromOneRead() {
    assertThat(decode(bytes(STREAM))).containsExactly("SET|k|", "ECHO|a\r\n*$1", "PING");
  }

  @Test
  void shouldDecodeTheSameRequestsWhateverByteTheInputIsSplitAt() {
    byte[] all = bytes(STREAM);
    for (int cut = 1; cut < all.length; cut++) {
      byte[] head = java.util.Arrays.copyOfRange(all, 0, cut);
      byte[] tail = java.util.Arrays.copyOfRange(all, cut, all.length);
      assertThat(decode(head, tail)).as("split at %d", cut)
          .containsExactly("SET|k|", "ECHO|a\r\n*$1", "PING");
    }
  }

  @Test
  void shouldDecodeRequestsArrivingOneByteAtATime() {
    byte[] all = bytes(STREAM);
    byte[][] singles = new byte[all.length][];
    for (int i = 0; i < all.length; i++) {
      singles[i] = new byte[] {all[i]};
    }
    assertThat(decode(singles)).containsExactly("SET|k|", "ECHO|a\r\n*$1", "PING");
  }

  @Test
  void shouldSkipEmptyMultibulkWithoutARequest() {
    assertThat(decode(bytes("*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n"))).containsExactly("PING");
  }

  @Test
  void shouldKeepUtf8ArgumentsIntact() {
    byte[] value = bytes("héllo ✓");
    String req = "*2\r\n$4\r\nECHO\r\n$" + value.length + "\r\nhéllo ✓\r\n";
    assertThat(decode(bytes(req))).containsExactly("ECHO|héllo ✓");
  }

  private static void assertRejected(String input, String reason) {
    EmbeddedChannel ch = new EmbeddedChannel(new RespDecoder(1024));
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(bytes(input))))
        .isInstanceOf(RespProtocolException.class).hasMessageContaining(reason);
    // The stream cannot be resynchronised: even a valid request afterwards is ignored.
    ch.writeInbound(Unpooled.wrappedBuffer(bytes("*1\r\n$4\r\nPING\r\n")));
    assertThat((Object) ch.readInbound()).isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void shouldRejectATypeByteOtherThanArray() {
    assertRejected("GET k\r\n", "expected '*', got 'G'");
  }

  @Test
  void shouldRejectAnArgumentThatIsNotABulkString() {
    assertRejected("*2\r\n$3\r\nGET\r\n:1\r\n", "expected '$', got ':'");
  }

  @Test
  void shouldRejectANonNumericLength() {
    assertRejected("*x\r\n", "invalid multibulk length");
    assertRejected("*1\r\n$1a\r\nx\r\n", "invalid bulk length");
  }

  @Test
  void shouldRejectANegativeBulkLength() {
    assertRejected("*1\r\n$-1\r\n", "invalid bulk length -1");
  }

  @Test
  void shouldRejectABulkLongerThanTheConfiguredLimit() {
    assertRejected("*1\r\n$1025\r\n", "invalid bulk length 1025 (limit 1024)");
  }

  @Test
  void shouldRejectABulkNotFollowedByCrlf() {
    assertRejected("*1\r\n$4\r\nPINGxx", "not followed by CRLF");
  }

  @Test
  void shouldRejectAHeaderLineThatNeverEnds() {
    assertRejected("*11111111111111111111111111111111111111111111", "longer than");
  }

  @Test
  void shouldRejectBinaryGarbage() {
    assertRejected("\u0000\u0001\u00ff", "expected '*', got byte 0x00");
  }
}
