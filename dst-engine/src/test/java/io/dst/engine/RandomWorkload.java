package io.dst.engine;

import io.dst.engine.api.KvStore;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.log.Mutation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random sequence of mutations over the task table and the kv space, mixing inserts
 * (some duplicate, so rejected), updates, deletes heavy enough to trigger compaction, an index
 * creation and kv writes of both types (some of the wrong type, so rejected), including
 * conditional and expiring sets, expiries (with every condition) and expiry drops.
 */
final class RandomWorkload {
  static final int PARTITIONS = 4;

  private RandomWorkload() {}

  static List<Mutation> generate(long seed, int steps) {
    Random rnd = new Random(seed);
    List<Mutation> log = new ArrayList<>();
    log.add(new Mutation.CreateTable(TaskTables.taskTable(), PARTITIONS, false));
    int nextId = 0;
    for (int step = 0; step < steps; step++) {
      int kind = rnd.nextInt(100);
      if (step == steps / 2) {
        log.add(new Mutation.CreateIndex("task_table", "by_name_num", List.of("task_name", "return_num")));
      } else if (kind < 45) {
        Map<Integer, List<Object[]>> byPartition = new HashMap<>();
        int n = 1 + rnd.nextInt(50);
        for (int i = 0; i < n; i++) {
          int id = rnd.nextInt(10) == 0 && nextId > 0 ? rnd.nextInt(nextId) : nextId++;
          String key = String.format("%06d", id);
          Object[] row = TaskTables.task(key, rnd.nextInt(5) == 0 ? null : "d" + rnd.nextInt(40),
              "name" + rnd.nextInt(7), rnd.nextInt(4) == 0 ? null : rnd.nextInt(1000),
              rnd.nextBoolean() ? null : List.of("a" + rnd.nextInt(9), "b"));
          byPartition.computeIfAbsent(Partitioner.partitionOf(key, PARTITIONS), k -> new ArrayList<>()).add(row);
        }
        byPartition.forEach((p, rows) -> log.add(new Mutation.Insert("task_table", p, rows)));
      } else if (kind < 60) {
        Map<Integer, Object> set = new HashMap<>();
        set.put(TaskTables.RETURN_NUM, rnd.nextInt(3) == 0 ? null : rnd.nextInt(1000));
        if (rnd.nextBoolean()) {
          set.put(TaskTables.DRIVER_ID, "d" + rnd.nextInt(40));
        }
        log.add(new Mutation.Update("task_table", rnd.nextInt(PARTITIONS),
            new Predicate.Compare(TaskTables.DRIVER_ID, CompareOp.EQ, "d" + rnd.nextInt(40)), set));
      } else if (kind < 70) {
        log.add(new Mutation.Delete("task_table", rnd.nextInt(PARTITIONS),
            new Predicate.Compare(TaskTables.RETURN_NUM, CompareOp.LT, rnd.nextInt(600))));
      } else if (kind < 85) {
        String key = "k" + rnd.nextInt(200);
        // Logical time advances with the log; deadlines fall around it, so some keys expire.
        long now = 1_000_000L + step * 10L;
        log.add(switch (rnd.nextInt(8)) {
          case 0 -> new Mutation.StrPut(key, "v" + rnd.nextInt(1000));
          case 1 -> new Mutation.StrIncr(key, rnd.nextInt(10));
          case 2 -> new Mutation.StrAppend(key, "x");
          case 3 -> new Mutation.StrSet(key, "s" + rnd.nextInt(100),
              KvStore.SetCondition.values()[rnd.nextInt(3)],
              rnd.nextInt(4) == 0 ? KvStore.KEEP_EXPIRY : now + rnd.nextInt(500) - 50, now);
          case 4 -> rnd.nextInt(5) == 0 ? new Mutation.Expire(key, KvStore.NO_EXPIRY, now)
              : new Mutation.Expire(key, now + rnd.nextInt(500) - 50, now,
                  KvStore.ExpiryCondition.values()[rnd.nextInt(
                      KvStore.ExpiryCondition.values().length)]);
          case 5 -> new Mutation.DropExpired(key, now + rnd.nextInt(500) - 250);
          case 6 -> new Mutation.KvBatch(new Mutation.StrDelete(key).target().partition(), List.of(
              new Mutation.StrIncr(key, 1), new Mutation.StrPut(key, "b" + rnd.nextInt(9)),
              new Mutation.StrAppend(key, "y"), new Mutation.DictPut(key, Map.of("f", "v"))));
          default -> new Mutation.StrDelete(key);
        });
      } else {
        String key = "k" + rnd.nextInt(200);
        log.add(rnd.nextBoolean()
            ? new Mutation.DictPut(key, Map.of("f" + rnd.nextInt(20), "v" + rnd.nextInt(9)))
            : new Mutation.DictDelete(key, List.of("f" + rnd.nextInt(20))));
      }
    }
    return log;
  }

  static List<PartitionId> partitions() {
    List<PartitionId> ids = new ArrayList<>();
    ids.add(PartitionId.CATALOG);
    for (int p = 0; p < PARTITIONS; p++) {
      ids.add(new PartitionId("task_table", p));
    }
    for (int p = 0; p < Mutation.KV_PARTITIONS; p++) {
      ids.add(new PartitionId(PartitionId.KV_TABLE, p));
    }
    return ids;
  }
}
