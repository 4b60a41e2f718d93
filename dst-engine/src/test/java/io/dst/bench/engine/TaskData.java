package io.dst.bench.engine;

import java.util.List;
import java.util.Random;

/**
 * The benchmark data set: rows of DESIGN.md's task_table, generated deterministically so both
 * engines get identical rows. driver_id has {@link #DRIVERS} distinct values, so an index lookup on
 * it returns about rows / DRIVERS rows.
 */
final class TaskData {
  static final int DRIVERS = 10_000;

  private TaskData() {}

  /** "t10000000", "t10000001", ...: fixed width, and cheap to build inside a timed loop. */
  static String taskId(int i) {
    return "t" + (10_000_000 + i);
  }

  static String driverId(int i) {
    return "drv" + (i % DRIVERS);
  }

  /** Row {@code i}: task_id, driver_id, task_name, return_num, arguments. */
  static Object[] row(int i, Random rnd) {
    return new Object[] {taskId(i), driverId(i), "task_" + (i % 1000), rnd.nextInt(1000),
        List.of("arg" + (i % 10), "opt" + (i % 7))};
  }
}
