package io.dst.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.KeyType;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.node.local.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClusterDataStoreTest {
  static LocalCluster cluster;
  static ClusterDataStore store;

  static final TableSchema TASKS = new TableSchema("task_table", List.of(
      new Column("task_id", ColumnType.of(ScalarType.STRING), true, false, false),
      new Column("driver_id", ColumnType.of(ScalarType.STRING), false, true, true),
      new Column("task_name", ColumnType.of(ScalarType.STRING), false, false, true),
      new Column("return_num", ColumnType.of(ScalarType.INT), false, false, true),
      new Column("arguments", ColumnType.arrayOf(ScalarType.STRING), false, false, true)));

  @BeforeAll
  static void start() {
    cluster = new LocalCluster(3).start();
    store = ClusterDataStore.connect(cluster.zkConnect(), cluster.clusterName(),
        Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void shouldServeStrAndDictCommandsAcrossKvPartitions() {
    store.kv().put("k1", "v1");
    assertThat(store.kv().get("k1")).isEqualTo("v1");
    assertThat(store.kv().type("k1")).isEqualTo(KeyType.STR);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("k1", "v1");
    fields.put("k2", "v2");
    assertThat(store.kv().dictPut("dict_1", fields)).isEqualTo(2);
    assertThat(store.kv().dictGetAll("dict_1")).containsExactly(Map.entry("k1", "v1"),
        Map.entry("k2", "v2"));
    assertThat(store.kv().dictGet("dict_1", "k2")).isEqualTo("v2");
    assertThat(store.kv().incrementBy("counter", 5)).isEqualTo(5);
    assertThat(store.kv().incrementBy("counter", -2)).isEqualTo(3);
    for (int i = 0; i < 40; i++) {
      store.kv().put("many:" + i, "x" + i);
    }
    assertThat(store.kv().keys("many:*")).hasSize(40);
    assertThat(store.kv().delete("k1")).isTrue();
    assertThat(store.kv().get("k1")).isNull();
    assertThatThrownBy(() -> store.kv().incrementBy("dict_1", 1))
        .isInstanceOfSatisfying(DstException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_TYPE));
  }

  @Test
  void shouldCreateWriteAndQueryATableOnTheCluster() {
    assertThat(store.createTable(TASKS, false)).isTrue();
    assertThat(store.createTable(TASKS, true)).isFalse();
    assertThatThrownBy(() -> store.createTable(TASKS, false))
        .isInstanceOfSatisfying(DstException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_EXISTS));
    TableData t = store.table("task_table").orElseThrow();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(new Object[] {String.format("%05d", i), i % 2 == 0 ? "22222" : "33333",
          "task" + i, i, List.of("1", "2")});
    }
    assertThat(t.insert(rows)).isEqualTo(100);
    assertThat(t.rowCount()).isEqualTo(100);
    assertThat(t.get("00007")).hasValueSatisfying(r ->
        assertThat(r).containsExactly("00007", "33333", "task7", 7, List.of("1", "2")));
    List<Object[]> found = new ArrayList<>();
    try (RowCursor c = t.lookup(1, "22222", new int[] {0})) {
      while (c.hasNext()) {
        found.add(c.next());
      }
    }
    assertThat(found).hasSize(50);
    long scanned = 0;
    long aggregated = 0;
    for (int p = 0; p < t.partitionCount(); p++) {
      try (RowCursor c = t.scan(p, ScanSpec.filtered(
          new Predicate.Compare(3, CompareOp.GE, 90)).withProjection(0))) {
        while (c.hasNext()) {
          c.next();
          scanned++;
        }
      }
      aggregated += ((Number) t.aggregate(p, new AggregateSpec(null, null,
          List.of(AggregateCall.countStar()))).get(0)[0]).longValue();
    }
    assertThat(scanned).isEqualTo(10);
    assertThat(aggregated).isEqualTo(100);
    assertThat(t.update(new Predicate.Compare(1, CompareOp.EQ, "33333"), Map.of(2, "odd")))
        .isEqualTo(50);
    assertThat(t.get("00009").orElseThrow()[2]).isEqualTo("odd");
    assertThat(t.delete(new Predicate.Compare(3, CompareOp.LT, 10))).isEqualTo(10);
    assertThat(t.rowCount()).isEqualTo(90);
    assertThatThrownBy(() -> t.insert(List.<Object[]>of(new Object[] {"00050", "x", "y", 1,
        List.of()}))).isInstanceOfSatisfying(DstException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_KEY));

    assertThat(store.tables()).extracting(TableSchema::name).contains("task_table");
    assertThat(store.dropTable("task_table", false)).isTrue();
    assertThat(store.table("task_table")).isEmpty();
    assertThat(store.dropTable("task_table", true)).isFalse();

    // Created again at once under the same name: a new, empty table.
    assertThat(store.createTable(TASKS, false)).isTrue();
    TableData again = store.table("task_table").orElseThrow();
    assertThat(again.rowCount()).isZero();
    assertThat(again.get("00050")).isEmpty();
    assertThat(again.insert(List.<Object[]>of(new Object[] {"00050", "x", "y", 1, List.of()})))
        .isEqualTo(1);
    assertThat(again.rowCount()).isEqualTo(1);
  }
}
