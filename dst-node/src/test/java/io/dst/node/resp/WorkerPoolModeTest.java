package io.dst.node.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** The mode for blocking stores (a cluster client): commands run on a pool, still in order. */
class WorkerPoolModeTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final RunningRespServer running = new RunningRespServer(b -> b.blockingExecutor(pool));

  @AfterEach
  void close() {
    running.close();
    pool.shutdownNow();
  }

  @Test
  void shouldAnswerPipelinedCommandsInOrderFromTheWorkerPool() {
    try (Jedis jedis = running.jedis()) {
      Pipeline p = jedis.pipelined();
      List<Response<Long>> counts = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        counts.add(p.incr("n"));
      }
      p.sync();
      for (int i = 0; i < counts.size(); i++) {
        assertThat(counts.get(i).get()).isEqualTo(i + 1L);
      }
      assertThat(jedis.hset("h", "f", "v")).isEqualTo(1);
      assertThat(jedis.hgetAll("h")).containsEntry("f", "v");
    }
  }

  @Test
  void shouldServeManyConnectionsAtOnce() throws Exception {
    List<Thread> clients = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int c = 0; c < 8; c++) {
      int id = c;
      Thread t = new Thread(() -> {
        try (Jedis jedis = running.jedis()) {
          for (int i = 0; i < 200; i++) {
            jedis.set("c" + id + ":" + i, "v" + i);
            assertThat(jedis.get("c" + id + ":" + i)).isEqualTo("v" + i);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      clients.add(t);
      t.start();
    }
    for (Thread t : clients) {
      t.join();
    }
    assertThat(failures).isEmpty();
    assertThat(running.kv().size()).isEqualTo(1600);
  }
}
