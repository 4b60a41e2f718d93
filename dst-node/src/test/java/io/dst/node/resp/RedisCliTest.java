package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives Debian's redis-cli as a process; skipped where redis-tools is not installed. */
class RedisCliTest {
  private static Path cli;
  private final RunningRespServer running = new RunningRespServer();

  @BeforeAll
  static void findRedisCli() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "redis-cli");
      if (Files.isExecutable(p)) {
        cli = p;
        break;
      }
    }
    assumeTrue(cli != null, "redis-cli not installed (apt-get install redis-tools)");
  }

  @AfterEach
  void close() {
    running.close();
  }

  private String cli(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(cli.toString(), "-p", Integer.toString(running.port)));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("redis-cli finished").isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  @Test
  void shouldServeRedisCliForStringsAndHashes() throws Exception {
    assertThat(cli("ping")).isEqualTo("PONG");
    assertThat(cli("set", "a", "b")).isEqualTo("OK");
    assertThat(cli("get", "a")).isEqualTo("b");
    assertThat(running.kv().get("a")).isEqualTo("b");
    assertThat(cli("hset", "h", "f1", "v1", "f2", "v2")).isEqualTo("2");
    assertThat(cli("hgetall", "h")).isEqualTo("f1\nv1\nf2\nv2");
    assertThat(running.kv().dictGetAll("h")).containsEntry("f2", "v2");
  }

  @Test
  void shouldShowRedisErrorsInRedisCli() throws Exception {
    cli("hset", "h", "f", "v");
    assertThat(cli("get", "h"))
        .isEqualTo("WRONGTYPE Operation against a key holding the wrong kind of value");
    assertThat(cli("nosuch", "x")).isEqualTo("ERR unknown command 'nosuch', with args beginning with: 'x'");
  }

  @Test
  void shouldScanWithRedisCli() throws Exception {
    for (int i = 0; i < 50; i++) {
      running.kv().put("key" + i, "v");
    }
    assertThat(cli("--scan", "--pattern", "key*").lines()).hasSize(50)
        .doesNotHaveDuplicates();
  }
}
