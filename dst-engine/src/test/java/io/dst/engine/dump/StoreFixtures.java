package io.dst.engine.dump;

import io.dst.engine.api.DataStore;
import io.dst.engine.api.KeyType;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A store with every column type, nulls, arrays, a table without a key and kv data; and a canonical view of a store for comparisons. */
public final class StoreFixtures {
  private StoreFixtures() {}

  public static TableSchema allTypes() {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("id", ColumnType.of(ScalarType.LONG), true, false, false));
    for (ScalarType t : ScalarType.values()) {
      cols.add(new Column("s_" + t.keyword(), ColumnType.of(t), false, t == ScalarType.STRING, true));
      cols.add(Column.of("a_" + t.keyword(), ColumnType.arrayOf(t)));
    }
    return new TableSchema("all_types", cols, List.of(List.of("s_int", "s_bool")));
  }

  public static Object[] allTypesRow(long id) {
    Object[] row = new Object[1 + 2 * ScalarType.values().length];
    row[0] = id;
    int c = 1;
    for (ScalarType t : ScalarType.values()) {
      boolean nulls = id % 5 == 0;
      row[c++] = nulls ? null : value(t, id);
      row[c++] = nulls ? null : id % 3 == 0 ? List.of() : List.of(value(t, id), value(t, id + 1));
    }
    return row;
  }

  private static Object value(ScalarType t, long i) {
    return switch (t) {
      case STRING -> "s\"é,\n" + i;
      case INT -> (int) (i * 7 - 100);
      case LONG -> i * 1_000_000_007L;
      case DOUBLE -> i / 3.0;
      case BOOL -> i % 2 == 0;
      case BYTES -> new byte[] {(byte) i, 0, (byte) -1};
      case TIMESTAMP -> 1_700_000_000_000L + i;
    };
  }

  public static TableSchema noKey() {
    return new TableSchema("events", List.of(Column.of("kind", ColumnType.of(ScalarType.STRING)),
        Column.of("n", ColumnType.of(ScalarType.INT))));
  }

  /** Fills a store: two tables (one of {@code rows} rows), an empty table, str and dict keys. */
  public static void fill(DataStore store, int rows) {
    store.createTable(allTypes(), false);
    store.createTable(noKey(), false);
    store.createTable(new TableSchema("empty", List.of(new Column("k", ColumnType.of(ScalarType.STRING), true, false, false))), false);
    TableData t = store.table("all_types").orElseThrow();
    List<Object[]> batch = new ArrayList<>();
    for (long i = 0; i < rows; i++) {
      batch.add(allTypesRow(i));
      if (batch.size() == 1000) {
        t.insert(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      t.insert(batch);
    }
    store.table("events").orElseThrow().insert(List.of(new Object[] {"a", 1}, new Object[] {"a", 1},
        new Object[] {null, null}));
    for (int i = 0; i < 50; i++) {
      store.kv().put("str:" + i, "value " + i);
    }
    store.kv().put("empty", "");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("z", "last");
    fields.put("a", "first");
    store.kv().dictPut("dict_1", fields);
    store.kv().dictPut("dict_2", Map.of("k", "v"));
  }

  /** Everything a store holds, in a form that compares by value (rows sorted, byte[] and lists rendered). */
  public static Map<String, Object> contents(DataStore store) {
    Map<String, Object> out = new TreeMap<>();
    for (TableSchema s : store.tables()) {
      TableData t = store.table(s.name()).orElseThrow();
      List<String> rows = new ArrayList<>();
      for (int p = 0; p < t.partitionCount(); p++) {
        try (RowCursor c = t.scan(p, ScanSpec.all())) {
          while (c.hasNext()) {
            rows.add(render(c.next()));
          }
        }
      }
      rows.sort(null);
      out.put("table " + s.name(), List.of(s.columns().toString(), s.extraIndexes().toString(), rows));
    }
    for (String key : store.kv().keys("*")) {
      KeyType type = store.kv().type(key);
      out.put("kv " + key, type == KeyType.STR ? store.kv().get(key) : store.kv().dictGetAll(key).toString());
    }
    return out;
  }

  private static String render(Object[] row) {
    StringBuilder b = new StringBuilder();
    for (Object v : row) {
      b.append(render(v)).append('|');
    }
    return b.toString();
  }

  private static String render(Object v) {
    if (v instanceof byte[] bytes) {
      return "bytes" + Arrays.toString(bytes);
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(render(o));
      }
      return parts.toString();
    }
    return v == null ? "NULL" : v.getClass().getSimpleName() + ":" + v;
  }
}
