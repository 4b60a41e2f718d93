package io.dst.node.resp;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.log.Mutation;
import io.dst.node.client.KvPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the commonest kv commands of a batch (SET key value, HSET, GET) through a {@link
 * KvPipeline}: a run of consecutive writes goes out at once, as one replicated log entry per
 * partition, and a run of consecutive GETs as concurrent reads, so a pipelining client pays one
 * round trip per run instead of one per command. Nothing blocks: a run is started, and its replies
 * are written when its future completes. Replies keep request order, and a run completes before
 * the next command starts, so a read sees the writes sent before it. Writes of different
 * partitions in one run apply concurrently (as in Redis Cluster across slots).
 */
final class PipelinedKvCommands {
  /** How a command takes part in a run. */
  enum Kind {
    WRITE, READ, OTHER
  }

  private final KvPipeline kv;
  private final CommandTable table;

  /** {@code table}'s observer hears of each command, timed as its whole run. */
  PipelinedKvCommands(KvPipeline kv, CommandTable table) {
    this.kv = kv;
    this.table = table;
  }

  Kind kind(RespCommand c) {
    int argc = c.argc();
    if (argc == 3 && c.is(0, "SET")) {
      return Kind.WRITE;
    }
    if (argc >= 4 && argc % 2 == 0 && c.is(0, "HSET")) {
      return Kind.WRITE;
    }
    if (argc == 2 && c.is(0, "GET")) {
      return Kind.READ;
    }
    return Kind.OTHER;
  }

  /**
   * Sends {@code run}, commands all of kind {@code kind} (WRITE or READ), without waiting; the
   * future gives one result (a value or a DstException) per command, and never fails.
   */
  CompletableFuture<List<Object>> start(List<RespCommand> run, Kind kind) {
    if (kind == Kind.READ) {
      List<String> keys = new ArrayList<>(run.size());
      for (RespCommand c : run) {
        keys.add(c.string(1));
      }
      return kv.getAll(keys);
    }
    List<Mutation> writes = new ArrayList<>(run.size());
    for (RespCommand c : run) {
      writes.add(toMutation(c));
    }
    return kv.writeAll(writes);
  }

  /**
   * Writes the replies of {@code run} from its {@code results} (or one error for all when the
   * whole run failed) and tells the observer, timing each command as the run since {@code
   * startNanos}.
   */
  void reply(List<RespCommand> run, Kind kind, List<Object> results, Throwable failure,
      RespWriter out, long startNanos) {
    CommandObserver obs = table.observer();
    for (int i = 0; i < run.size(); i++) {
      Object r = failure != null ? failure : results.get(i);
      boolean failed = r instanceof Throwable;
      if (failed) {
        out.error(CommandTable.translate(r instanceof DstException e ? e
            : new DstException(ErrorCode.INTERNAL, String.valueOf(r))).line());
      } else if (kind == Kind.READ) {
        out.bulk((String) r);
      } else if (run.get(i).argc() == 3) {
        out.ok(); // SET key value
      } else {
        out.integer(((Number) r).longValue());
      }
      if (obs != CommandObserver.NONE) {
        obs.completed(kind == Kind.READ ? "get" : run.get(i).lowerName(0),
            System.nanoTime() - startNanos, failed);
      }
    }
  }

  private static Mutation toMutation(RespCommand c) {
    if (c.argc() == 3 && c.is(0, "SET")) {
      return new Mutation.StrPut(c.string(1), c.string(2));
    }
    if (c.argc() == 4) {
      return new Mutation.DictPut(c.string(1), Map.of(c.string(2), c.string(3)));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 2; i < c.argc(); i += 2) {
      fields.put(c.string(i), c.string(i + 1));
    }
    return new Mutation.DictPut(c.string(1), fields);
  }
}
