package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class MalformedRequestTest {
  private final RunningRespServer running = new RunningRespServer(b -> b.maxBulkLength(1024));

  @AfterEach
  void close() {
    running.close();
  }

  /** Sends raw bytes and returns everything the server answers before it closes the socket. */
  private String exchange(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", running.port)) {
      s.setSoTimeout(10_000); // a server that failed to close would fail the test, not hang it
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void shouldCloseOnlyTheConnectionThatSentGarbage() throws IOException {
    try (Jedis bystander = running.jedis()) {
      bystander.set("k", "v");
      assertThat(exchange("\u0000\u00ffGARBAGE\r\n"))
          .startsWith("-ERR Protocol error: expected '*', got byte 0x00");
      assertThat(bystander.get("k")).isEqualTo("v");
      try (Jedis late = running.jedis()) {
        assertThat(late.ping()).isEqualTo("PONG");
      }
    }
  }

  @Test
  void shouldAnswerWholeRequestsBeforeTheBadBytesThenClose() throws IOException {
    assertThat(exchange("*1\r\n$4\r\nPING\r\n*1\r\n$x\r\n"))
        .isEqualTo("+PONG\r\n-ERR Protocol error: invalid bulk length\r\n");
  }

  @Test
  void shouldCloseOnAnOversizedBulk() throws IOException {
    assertThat(exchange("*2\r\n$3\r\nGET\r\n$2000\r\n"))
        .isEqualTo("-ERR Protocol error: invalid bulk length 2000 (limit 1024)\r\n");
    try (Jedis jedis = running.jedis()) {
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void shouldCloseOnABadMultibulkLength() throws IOException {
    assertThat(exchange("*abc\r\n")).isEqualTo("-ERR Protocol error: invalid multibulk length\r\n");
  }

  @Test
  void shouldCloseAfterQuitHavingAnsweredIt() throws IOException {
    assertThat(exchange("*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n")).isEqualTo("+OK\r\n");
  }
}
