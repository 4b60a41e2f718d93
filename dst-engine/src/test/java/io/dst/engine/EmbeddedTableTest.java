package io.dst.engine;

import static io.dst.engine.TaskTables.ARGUMENTS;
import static io.dst.engine.TaskTables.DRIVER_ID;
import static io.dst.engine.TaskTables.RETURN_NUM;
import static io.dst.engine.TaskTables.TASK_ID;
import static io.dst.engine.TaskTables.TASK_NAME;
import static io.dst.engine.TaskTables.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.PartialColumn;
import io.dst.engine.expr.PartialGroups;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.expr.SortKey;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedTableTest {
  private EmbeddedStore store;
  private TableData tasks;

  @BeforeEach
  void setUp() {
    store = new EmbeddedStore(4);
    store.createTable(TaskTables.taskTable(), false);
    tasks = store.table("task_table").orElseThrow();
  }

  static List<Object[]> scanAll(TableData t, ScanSpec spec) {
    List<Object[]> out = new ArrayList<>();
    for (int p = 0; p < t.partitionCount(); p++) {
      try (RowCursor c = t.scan(p, spec)) {
        while (c.hasNext()) {
          out.add(c.next());
        }
      }
    }
    return out;
  }

  private void insertSample() {
    tasks.insert(List.of(
        task("00001", "22222", "my_task", 3, List.of("1", "2")),
        task("00002", "22222", "other", 5, List.of()),
        task("00003", "33333", "my_task", null, null),
        task("00004", null, "third", 7, List.of("x"))));
  }

  @Test
  void shouldGetInsertedRowByPrimaryKey() {
    insertSample();
    assertThat(tasks.get("00001")).hasValueSatisfying(row -> assertThat(row)
        .containsExactly("00001", "22222", "my_task", 3, List.of("1", "2")));
    assertThat(tasks.get("nope")).isEmpty();
    assertThat(tasks.rowCount()).isEqualTo(4);
  }

  @Test
  void shouldRejectDuplicatePrimaryKeyAndKeepTableUnchanged() {
    insertSample();
    assertThatThrownBy(() -> tasks.insert(List.of(task("00009", "1", "n", 1, null),
        task("00001", "1", "n", 1, null))))
        .isInstanceOf(DstException.class)
        .hasMessage("duplicate primary key \"00001\" in table task_table")
        .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
    assertThat(tasks.rowCount()).isEqualTo(4);
    assertThat(tasks.get("00009")).isEmpty();
  }

  @Test
  void shouldRejectDuplicateKeyWithinOneBatch() {
    assertThatThrownBy(() -> tasks.insert(List.of(task("a", "1", "n", 1, null), task("a", "2", "n", 1, null))))
        .hasMessage("duplicate primary key \"a\" in table task_table");
    assertThat(tasks.rowCount()).isZero();
  }

  @Test
  void shouldRejectValueOfWrongTypeNamingTableAndColumn() {
    assertThatThrownBy(() -> tasks.insert(List.<Object[]>of(new Object[] {"1", "2", "n", "abc", null})))
        .isInstanceOf(DstException.class)
        .hasMessage("table task_table, column return_num: expected int but got \"abc\"")
        .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThatThrownBy(() -> tasks.insert(List.<Object[]>of(new Object[] {"1", "2", "n", 1, List.of(1)})))
        .hasMessage("table task_table, column arguments: expected [string] but got [1]");
    assertThatThrownBy(() -> tasks.insert(List.<Object[]>of(new Object[] {null, "2", "n", 1, null})))
        .hasMessageContaining("column task_id: null is not allowed");
    assertThatThrownBy(() -> tasks.insert(List.<Object[]>of(new Object[] {"1", "2"})))
        .hasMessageContaining("has 5 columns but the row has 2 values");
  }

  @Test
  void shouldWidenLosslessNumbers() {
    tasks.insert(List.<Object[]>of(new Object[] {"1", "2", "n", 7L, null}));
    assertThat(tasks.get("1").orElseThrow()[RETURN_NUM]).isEqualTo(7);
    assertThatThrownBy(() -> tasks.insert(List.<Object[]>of(new Object[] {"2", "2", "n", 1L << 40, null})))
        .hasMessageContaining("expected int but got 1099511627776");
  }

  @Test
  void shouldFilterWithThreeValuedLogic() {
    insertSample();
    // NOT (return_num = 3) excludes the row whose return_num is null.
    Predicate notThree = new Predicate.Not(new Predicate.Compare(RETURN_NUM, CompareOp.EQ, 3));
    assertThat(ids(ScanSpec.filtered(notThree))).containsExactlyInAnyOrder("00002", "00004");
    Predicate isNull = new Predicate.IsNull(RETURN_NUM);
    assertThat(ids(ScanSpec.filtered(isNull))).containsExactly("00003");
    // null OR true is true; null AND true is unknown.
    Predicate orTrue = Predicate.or(new Predicate.Compare(RETURN_NUM, CompareOp.GT, 100),
        new Predicate.Compare(TASK_NAME, CompareOp.EQ, "my_task"));
    assertThat(ids(ScanSpec.filtered(orTrue))).containsExactlyInAnyOrder("00001", "00003");
    Predicate notAnd = new Predicate.Not(Predicate.and(new Predicate.Compare(RETURN_NUM, CompareOp.GT, 100),
        new Predicate.Compare(TASK_NAME, CompareOp.EQ, "my_task")));
    // 00003: NOT (null > 100 AND true) is NOT unknown, so unknown, so excluded.
    assertThat(ids(ScanSpec.filtered(notAnd))).containsExactlyInAnyOrder("00001", "00002", "00004");
    Predicate driverNe = new Predicate.Compare(DRIVER_ID, CompareOp.NE, "22222");
    assertThat(ids(ScanSpec.filtered(driverNe))).containsExactly("00003");
  }

  @Test
  void shouldEvaluateRangesInAndLike() {
    insertSample();
    assertThat(ids(ScanSpec.filtered(new Predicate.Compare(RETURN_NUM, CompareOp.GE, 5))))
        .containsExactlyInAnyOrder("00002", "00004");
    assertThat(ids(ScanSpec.filtered(new Predicate.Compare(RETURN_NUM, CompareOp.LT, 4.5))))
        .containsExactly("00001");
    assertThat(ids(ScanSpec.filtered(new Predicate.Compare(TASK_ID, CompareOp.GT, "00002"))))
        .containsExactlyInAnyOrder("00003", "00004");
    assertThat(ids(ScanSpec.filtered(new Predicate.In(TASK_ID, List.of("00001", "00004", "zz")))))
        .containsExactlyInAnyOrder("00001", "00004");
    assertThat(ids(ScanSpec.filtered(new Predicate.In(RETURN_NUM, List.of(3, 7L)))))
        .containsExactlyInAnyOrder("00001", "00004");
    assertThat(ids(ScanSpec.filtered(new Predicate.Like(TASK_NAME, "my\\_t%", '\\'))))
        .containsExactlyInAnyOrder("00001", "00003");
    assertThat(ids(ScanSpec.filtered(new Predicate.Like(TASK_NAME, "_ther", (char) 0))))
        .containsExactly("00002");
    assertThat(ids(ScanSpec.filtered(new Predicate.Compare(ARGUMENTS, CompareOp.EQ, List.of("x")))))
        .containsExactly("00004");
  }

  @Test
  void shouldRejectLiteralOfWrongTypeInFilter() {
    assertThatThrownBy(() -> scanAll(tasks, ScanSpec.filtered(new Predicate.Compare(RETURN_NUM, CompareOp.EQ, "x"))))
        .hasMessage("table task_table, column return_num: cannot compare a int with \"x\"");
    assertThatThrownBy(() -> tasks.delete(new Predicate.Compare(9, CompareOp.EQ, 1)))
        .hasMessageContaining("has no column #9");
  }

  @Test
  void shouldLookUpBySecondaryIndexAndPrimaryKey() {
    insertSample();
    List<Object[]> rows = drain(tasks.lookup(DRIVER_ID, "22222", new int[] {TASK_ID}));
    assertThat(rows).extracting(r -> r[0]).containsExactlyInAnyOrder("00001", "00002");
    assertThat(drain(tasks.lookup(TASK_ID, "00003", null))).hasSize(1);
    assertThat(drain(tasks.lookup(TASK_NAME, "other", new int[] {RETURN_NUM})))
        .extracting(r -> r[0]).containsExactly(5);
    assertThat(drain(tasks.lookup(DRIVER_ID, "none", null))).isEmpty();
  }

  @Test
  void shouldKeepSecondaryIndexRightAfterUpdateAndDelete() {
    insertSample();
    Map<Integer, Object> set = new HashMap<>();
    set.put(DRIVER_ID, "99999");
    assertThat(tasks.update(new Predicate.Compare(TASK_ID, CompareOp.EQ, "00001"), set)).isEqualTo(1);
    assertThat(drain(tasks.lookup(DRIVER_ID, "22222", null))).extracting(r -> r[0]).containsExactly("00002");
    assertThat(drain(tasks.lookup(DRIVER_ID, "99999", null))).extracting(r -> r[0]).containsExactly("00001");
    assertThat(tasks.delete(new Predicate.Compare(DRIVER_ID, CompareOp.EQ, "99999"))).isEqualTo(1);
    assertThat(drain(tasks.lookup(DRIVER_ID, "99999", null))).isEmpty();
    assertThat(tasks.get("00001")).isEmpty();
    assertThat(tasks.rowCount()).isEqualTo(3);
  }

  @Test
  void shouldRejectUpdateOfPrimaryKeyOrWithWrongType() {
    insertSample();
    assertThatThrownBy(() -> tasks.update(Predicate.alwaysTrue(), Map.of(TASK_ID, "x")))
        .hasMessageContaining("cannot update primary-key column task_id");
    assertThatThrownBy(() -> tasks.update(Predicate.alwaysTrue(), Map.of(RETURN_NUM, "abc")))
        .hasMessage("table task_table, column return_num: expected int but got \"abc\"");
    assertThat(tasks.get("00001").orElseThrow()[RETURN_NUM]).isEqualTo(3);
  }

  @Test
  void shouldUpdateArraysAndNulls() {
    insertSample();
    Map<Integer, Object> set = new HashMap<>();
    set.put(ARGUMENTS, List.of("a", "b", "c"));
    set.put(RETURN_NUM, null);
    tasks.update(new Predicate.Compare(TASK_ID, CompareOp.EQ, "00002"), set);
    assertThat(tasks.get("00002").orElseThrow()).containsExactly("00002", "22222", "other", null,
        List.of("a", "b", "c"));
  }

  @Test
  void shouldSortAndLimitWithinPartition() {
    TableData one = createSingle();
    List<Object[]> rows = scanAll(one, new ScanSpec(null, new int[] {0}, List.of(SortKey.desc(1)), 2));
    // desc puts nulls first
    assertThat(rows).extracting(r -> r[0]).containsExactly("c", "e");
    List<Object[]> asc = scanAll(one, new ScanSpec(null, new int[] {0}, List.of(SortKey.asc(1)), -1));
    assertThat(asc).extracting(r -> r[0]).containsExactly("a", "b", "d", "e", "c");
  }

  private TableData createSingle() {
    store.createTable(new TableSchema("t", List.of(
        new Column("k", ColumnType.of(ScalarType.STRING), true, false, false),
        Column.of("v", ColumnType.of(ScalarType.DOUBLE)))), 1, false);
    TableData t = store.table("t").orElseThrow();
    t.insert(List.of(new Object[] {"a", 1.0}, new Object[] {"b", 2.5}, new Object[] {"c", null},
        new Object[] {"d", 3}, new Object[] {"e", 9.0}));
    return t;
  }

  @Test
  void shouldAggregateWithGroupBy() {
    insertSample();
    AggregateSpec spec = new AggregateSpec(null, new int[] {DRIVER_ID}, List.of(AggregateCall.countStar(),
        new AggregateCall(AggregateFunction.SUM, RETURN_NUM), new AggregateCall(AggregateFunction.MAX, TASK_ID),
        new AggregateCall(AggregateFunction.AVG, RETURN_NUM), new AggregateCall(AggregateFunction.COUNT, RETURN_NUM)));
    Map<Object, Object[]> merged = new HashMap<>();
    for (int p = 0; p < tasks.partitionCount(); p++) {
      for (Object[] row : tasks.aggregate(p, spec)) {
        merged.merge(row[0], row, (a, b) -> new Object[] {a[0], (Long) a[1] + (Long) b[1],
            a[2] == null ? b[2] : b[2] == null ? a[2] : (Long) a[2] + (Long) b[2],
            ((String) a[3]).compareTo((String) b[3]) > 0 ? a[3] : b[3],
            new double[] {((double[]) a[4])[0] + ((double[]) b[4])[0], ((double[]) a[4])[1] + ((double[]) b[4])[1]},
            (Long) a[5] + (Long) b[5]});
      }
    }
    assertThat(merged).containsOnlyKeys("22222", "33333", null);
    assertThat(merged.get("22222")[1]).isEqualTo(2L);
    assertThat(merged.get("22222")[2]).isEqualTo(8L);
    assertThat(merged.get("22222")[3]).isEqualTo("00002");
    assertThat((double[]) merged.get("22222")[4]).containsExactly(8.0, 2.0);
    assertThat(merged.get("33333")[2]).isNull();
    assertThat(merged.get("33333")[5]).isEqualTo(0L);
  }

  @Test
  void shouldHandOverTheSameGroupsInColumnsAsInBoxedRows() {
    insertSample();
    List<AggregateCall> calls = List.of(AggregateCall.countStar(),
        new AggregateCall(AggregateFunction.SUM, RETURN_NUM), new AggregateCall(AggregateFunction.MAX, TASK_ID),
        new AggregateCall(AggregateFunction.MIN, RETURN_NUM), new AggregateCall(AggregateFunction.AVG, RETURN_NUM),
        new AggregateCall(AggregateFunction.COUNT, RETURN_NUM));
    for (int[] groupBy : new int[][] {{DRIVER_ID}, {RETURN_NUM}, {DRIVER_ID, TASK_NAME}, {}}) {
      AggregateSpec spec = new AggregateSpec(null, groupBy, calls);
      int groups = 0;
      for (int p = 0; p < tasks.partitionCount(); p++) {
        List<List<Object>> columns = boxed(tasks.aggregateColumns(p, spec), calls);
        assertThat(columns).isEqualTo(boxed(PartialGroups.fromRows(tasks.aggregate(p, spec), spec), calls));
        groups += columns.size();
      }
      assertThat(groups).as("groups by %s", Arrays.toString(groupBy)).isPositive();
    }
  }

  /**
   * Each group as its key values then, per call, its count (for SUM, MIN and MAX only whether it
   * is positive) and value (null without one).
   */
  private static List<List<Object>> boxed(PartialGroups part, List<AggregateCall> calls) {
    List<List<Object>> out = new ArrayList<>();
    for (int g = 0; g < part.size(); g++) {
      List<Object> row = new ArrayList<>();
      for (Object[] key : part.keys()) {
        row.add(key[g]);
      }
      for (int i = 0; i < calls.size(); i++) {
        PartialColumn c = part.calls()[i];
        long n = c.count()[g];
        AggregateFunction f = calls.get(i).function();
        boolean counted = f == AggregateFunction.COUNT || f == AggregateFunction.COUNT_STAR || f == AggregateFunction.AVG;
        row.add(counted ? (Object) n : (Object) (n > 0));
        row.add(n == 0 ? null : c.longs() != null ? (Object) c.longs()[g]
            : c.doubles() != null ? (Object) c.doubles()[g] : c.objects() != null ? c.objects()[g] : "none");
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void shouldYieldOneRowPerPartitionWithoutGroupBy() {
    AggregateSpec spec = new AggregateSpec(null, null, List.of(AggregateCall.countStar(),
        new AggregateCall(AggregateFunction.SUM, RETURN_NUM), new AggregateCall(AggregateFunction.MIN, RETURN_NUM)));
    List<Object[]> rows = tasks.aggregate(0, spec);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsExactly(0L, null, null);
    insertSample();
    long count = 0;
    long sum = 0;
    Integer min = null;
    for (int p = 0; p < tasks.partitionCount(); p++) {
      Object[] r = tasks.aggregate(p, spec).get(0);
      count += (Long) r[0];
      sum += r[1] == null ? 0 : (Long) r[1];
      if (r[2] != null && (min == null || (Integer) r[2] < min)) {
        min = (Integer) r[2];
      }
    }
    assertThat(count).isEqualTo(4);
    assertThat(sum).isEqualTo(15);
    assertThat(min).isEqualTo(3);
  }

  @Test
  void shouldStoreRowsOfTableWithoutPrimaryKeyUnderHiddenRowIds() {
    store.createTable(new TableSchema("log", List.of(Column.of("msg", ColumnType.of(ScalarType.STRING)),
        Column.of("n", ColumnType.of(ScalarType.LONG)))), false);
    TableData log = store.table("log").orElseThrow();
    log.insert(List.of(new Object[] {"a", 1L}, new Object[] {"a", 1L}, new Object[] {"b", 2}));
    assertThat(log.rowCount()).isEqualTo(3);
    assertThat(scanAll(log, ScanSpec.all())).extracting(Arrays::asList)
        .containsExactlyInAnyOrder(List.of("a", 1L), List.of("a", 1L), List.of("b", 2L));
    assertThatThrownBy(() -> log.get("a")).hasMessageContaining("has no primary key");
    assertThat(log.delete(new Predicate.Compare(0, CompareOp.EQ, "a"))).isEqualTo(2);
  }

  @Test
  void shouldUseCreatedMultiColumnIndex() {
    insertSample();
    store.createIndex("task_table", "by_name_num", List.of("task_name", "return_num"));
    assertThat(store.table("task_table").orElseThrow().schema().extraIndexes())
        .containsExactly(List.of("task_name", "return_num"));
    Predicate p = Predicate.and(new Predicate.Compare(TASK_NAME, CompareOp.EQ, "my_task"),
        new Predicate.Compare(RETURN_NUM, CompareOp.EQ, 3));
    assertThat(ids(ScanSpec.filtered(p))).containsExactly("00001");
    tasks.insert(List.<Object[]>of(task("00005", "1", "my_task", 3, null)));
    assertThat(ids(ScanSpec.filtered(p))).containsExactlyInAnyOrder("00001", "00005");
    assertThatThrownBy(() -> store.createIndex("task_table", "by_name_num", List.of("task_name")))
        .hasMessageContaining("already has an index named by_name_num");
    assertThatThrownBy(() -> store.createIndex("task_table", "x", List.of("nope")))
        .hasMessage("table task_table has no column nope");
  }

  @Test
  void shouldCompactAfterManyDeletesAndKeepIndexesRight() {
    store.createTable(TaskTables.taskTable().columns().isEmpty() ? null
        : new TableSchema("big", TaskTables.taskTable().columns()), 1, false);
    TableData big = store.table("big").orElseThrow();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(task("k" + i, "d" + (i % 10), "n", i, List.of("a" + i)));
    }
    big.insert(rows);
    // Deleting 90% triggers compaction (stale > live and > 1024).
    assertThat(big.delete(new Predicate.Compare(RETURN_NUM, CompareOp.GE, 1000))).isEqualTo(9000);
    assertThat(big.rowCount()).isEqualTo(1000);
    assertThat(drain(big.lookup(DRIVER_ID, "d3", null))).hasSize(100);
    assertThat(big.get("k999").orElseThrow()[ARGUMENTS]).isEqualTo(List.of("a999"));
    assertThat(big.get("k1000")).isEmpty();
    big.insert(List.<Object[]>of(task("k1000", "d3", "n", 1, null)));
    assertThat(drain(big.lookup(DRIVER_ID, "d3", null))).hasSize(101);
  }

  @Test
  void shouldCreateAndDropTables() {
    assertThat(store.createTable(TaskTables.taskTable(), true)).isFalse();
    assertThatThrownBy(() -> store.createTable(TaskTables.taskTable(), false))
        .hasMessage("table task_table already exists");
    assertThat(store.tables()).extracting(TableSchema::name).containsExactly("task_table");
    assertThat(store.dropTable("task_table", false)).isTrue();
    assertThat(store.dropTable("task_table", true)).isFalse();
    assertThatThrownBy(() -> store.dropTable("task_table", false))
        .hasMessage("table task_table does not exist")
        .extracting(e -> ((DstException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
    assertThat(store.table("task_table")).isEmpty();
  }

  private List<String> ids(ScanSpec spec) {
    List<String> out = new ArrayList<>();
    for (Object[] r : scanAll(tasks, spec.withProjection(TASK_ID))) {
      out.add((String) r[0]);
    }
    return out;
  }

  static List<Object[]> drain(RowCursor c) {
    List<Object[]> out = new ArrayList<>();
    while (c.hasNext()) {
      out.add(c.next());
    }
    return out;
  }
}
