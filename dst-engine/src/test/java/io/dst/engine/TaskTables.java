package io.dst.engine;

import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.util.List;

/** The example tables of DESIGN.md, shared by tests. */
final class TaskTables {
  static final int TASK_ID = 0;
  static final int DRIVER_ID = 1;
  static final int TASK_NAME = 2;
  static final int RETURN_NUM = 3;
  static final int ARGUMENTS = 4;

  private TaskTables() {}

  static TableSchema taskTable() {
    return new TableSchema("task_table", List.of(
        new Column("task_id", ColumnType.of(ScalarType.STRING), true, false, false),
        new Column("driver_id", ColumnType.of(ScalarType.STRING), false, true, true),
        Column.of("task_name", ColumnType.of(ScalarType.STRING)),
        Column.of("return_num", ColumnType.of(ScalarType.INT)),
        Column.of("arguments", ColumnType.arrayOf(ScalarType.STRING))));
  }

  static Object[] task(String id, String driver, String name, Integer num, List<String> args) {
    return new Object[] {id, driver, name, num, args};
  }
}
