package io.dst.node.resp;

import io.dst.engine.DstException;
import io.dst.engine.log.Mutation;
import io.dst.node.client.KvPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the commonest kv commands of a batch (SET key value, HSET, GET) through a {@link
 * KvPipeline}: a run of consecutive writes goes out at once, as one replicated log entry per
 * partition, and a run of consecutive GETs as concurrent reads, so a pipelining client pays one
 * round trip per run instead of one per command. Replies keep request order, and a run completes
 * before the next command starts, so a read sees the writes sent before it. Writes of different
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

  /** Runs {@code run}, commands all of kind {@code kind} (WRITE or READ), and writes their replies. */
  void run(List<RespCommand> run, Kind kind, RespWriter out) {
    CommandObserver obs = table.observer();
    long start = obs == CommandObserver.NONE ? 0 : System.nanoTime();
    boolean[] failed = new boolean[run.size()];
    execute(run, kind, out, failed);
    if (obs != CommandObserver.NONE) {
      long nanos = System.nanoTime() - start;
      for (int i = 0; i < run.size(); i++) {
        obs.completed(kind == Kind.READ ? "get" : run.get(i).lowerName(0), nanos, failed[i]);
      }
    }
  }

  private void execute(List<RespCommand> run, Kind kind, RespWriter out, boolean[] failed) {
    if (kind == Kind.READ) {
      List<String> keys = new ArrayList<>(run.size());
      for (RespCommand c : run) {
        keys.add(c.string(1));
      }
      List<Object> values = kv.getAll(keys);
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (v instanceof DstException e) {
          failed[i] = true;
          out.error(CommandTable.translate(e).line());
        } else {
          out.bulk((String) v);
        }
      }
      return;
    }
    List<Mutation> writes = new ArrayList<>(run.size());
    for (RespCommand c : run) {
      writes.add(toMutation(c));
    }
    List<Object> results = kv.writeAll(writes);
    for (int i = 0; i < run.size(); i++) {
      Object r = results.get(i);
      if (r instanceof DstException e) {
        failed[i] = true;
        out.error(CommandTable.translate(e).line());
      } else if (writes.get(i) instanceof Mutation.StrPut) {
        out.ok();
      } else {
        out.integer(((Number) r).longValue());
      }
    }
  }

  private static Mutation toMutation(RespCommand c) {
    if (c.argc() == 3 && c.is(0, "SET")) {
      return new Mutation.StrPut(c.string(1), c.string(2));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 2; i < c.argc(); i += 2) {
      fields.put(c.string(i), c.string(i + 1));
    }
    return new Mutation.DictPut(c.string(1), fields);
  }
}
