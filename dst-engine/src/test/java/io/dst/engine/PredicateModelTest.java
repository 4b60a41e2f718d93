package io.dst.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.api.TableData;
import io.dst.engine.eval.LikePattern;
import io.dst.engine.eval.ValueOrder;
import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the column-at-a-time evaluator, the index access paths, partial aggregation and
 * compaction against a naive row-at-a-time model of SQL three-valued logic, over random rows and
 * random predicates.
 */
class PredicateModelTest {
  private static final ScalarType[] TYPES = {ScalarType.INT, ScalarType.LONG, ScalarType.DOUBLE,
      ScalarType.STRING, ScalarType.BOOL, ScalarType.TIMESTAMP};

  private static TableSchema schema(boolean indexed) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("id", ColumnType.of(ScalarType.INT), true, false, false));
    for (int i = 0; i < TYPES.length; i++) {
      cols.add(new Column("c" + i, ColumnType.of(TYPES[i]), false, indexed, true));
    }
    return new TableSchema(indexed ? "indexed" : "plain", cols);
  }

  private static Object randomValue(Random rnd, ScalarType t) {
    if (rnd.nextInt(6) == 0) {
      return null;
    }
    return switch (t) {
      case INT -> rnd.nextInt(20) - 10;
      case LONG, TIMESTAMP -> (long) rnd.nextInt(20) - 10;
      case DOUBLE -> (rnd.nextInt(40) - 20) / 2.0;
      case STRING -> List.of("a", "ab", "b", "ba", "abc", "x_y", "", "Z").get(rnd.nextInt(8));
      case BOOL -> rnd.nextBoolean();
      default -> throw new IllegalStateException();
    };
  }

  private static Predicate randomPredicate(Random rnd, int depth) {
    int kind = rnd.nextInt(depth > 2 ? 4 : 8);
    int col = 1 + rnd.nextInt(TYPES.length);
    ScalarType t = TYPES[col - 1];
    Object lit = randomValue(rnd, t);
    while (lit == null) {
      lit = randomValue(rnd, t);
    }
    if (t == ScalarType.INT && rnd.nextInt(4) == 0) {
      lit = rnd.nextInt(20) - 10 + 0.5; // fractional literal against an int column
    }
    switch (kind) {
      case 0:
      case 1:
        return new Predicate.Compare(col, CompareOp.values()[rnd.nextInt(6)], lit);
      case 2: {
        List<Object> values = new ArrayList<>();
        for (int i = rnd.nextInt(4); i >= 0; i--) {
          Object v = randomValue(rnd, t);
          if (v != null) {
            values.add(v);
          }
        }
        return new Predicate.In(col, values);
      }
      case 3:
        if (t == ScalarType.STRING) {
          return new Predicate.Like(col, List.of("a%", "%b", "_", "%", "x\\_y", "a_c").get(rnd.nextInt(6)), '\\');
        }
        return new Predicate.IsNull(col);
      case 4:
        return Predicate.and(randomPredicate(rnd, depth + 1), randomPredicate(rnd, depth + 1));
      case 5:
        return Predicate.or(randomPredicate(rnd, depth + 1), randomPredicate(rnd, depth + 1));
      case 6:
        return new Predicate.Not(randomPredicate(rnd, depth + 1));
      default:
        return new Predicate.True();
    }
  }

  private static final Map<String, java.util.regex.Pattern> LIKES = new java.util.concurrent.ConcurrentHashMap<>();

  /** TRUE 1, FALSE 0, UNKNOWN -1. */
  private static int model(Predicate p, Object[] row) {
    if (p instanceof Predicate.True) {
      return 1;
    }
    if (p instanceof Predicate.Compare c) {
      Object v = row[c.column()];
      if (v == null) {
        return -1;
      }
      int cmp = ValueOrder.compare(v, c.value());
      boolean r = switch (c.op()) {
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
        case GT -> cmp > 0;
        case GE -> cmp >= 0;
      };
      return r ? 1 : 0;
    }
    if (p instanceof Predicate.In in) {
      Object v = row[in.column()];
      if (v == null) {
        return -1;
      }
      for (Object x : in.values()) {
        if (ValueOrder.compare(v, x) == 0) {
          return 1;
        }
      }
      return 0;
    }
    if (p instanceof Predicate.IsNull n) {
      return row[n.column()] == null ? 1 : 0;
    }
    if (p instanceof Predicate.Like l) {
      Object v = row[l.column()];
      return v == null ? -1 : LIKES.computeIfAbsent(l.pattern(), x -> LikePattern.compile(x, l.escape()))
          .matcher((String) v).matches() ? 1 : 0;
    }
    if (p instanceof Predicate.And a) {
      int r = 1;
      for (Predicate t : a.terms()) {
        int x = model(t, row);
        if (x == 0) {
          return 0;
        }
        if (x == -1) {
          r = -1;
        }
      }
      return r;
    }
    if (p instanceof Predicate.Or o) {
      int r = 0;
      for (Predicate t : o.terms()) {
        int x = model(t, row);
        if (x == 1) {
          return 1;
        }
        if (x == -1) {
          r = -1;
        }
      }
      return r;
    }
    int x = model(((Predicate.Not) p).term(), row);
    return x == -1 ? -1 : 1 - x;
  }

  // Columns: 1 int, 2 long, 3 double, 4 string, 5 bool, 6 timestamp.
  /** Group by the string column: count(*), count(int), sum(int), min(double), max(long). */
  private static Map<Object, List<Object>> aggregate(TableData t, Predicate p) {
    AggregateSpec spec = new AggregateSpec(p, new int[] {4}, List.of(AggregateCall.countStar(),
        new AggregateCall(AggregateFunction.COUNT, 1), new AggregateCall(AggregateFunction.SUM, 1),
        new AggregateCall(AggregateFunction.MIN, 3), new AggregateCall(AggregateFunction.MAX, 2)));
    Map<Object, List<Object>> out = new HashMap<>();
    for (int part = 0; part < t.partitionCount(); part++) {
      for (Object[] r : t.aggregate(part, spec)) {
        List<Object> acc = out.get(r[0]);
        if (acc == null) {
          out.put(r[0], new ArrayList<>(Arrays.asList(r).subList(1, r.length)));
          continue;
        }
        acc.set(0, (Long) acc.get(0) + (Long) r[1]);
        acc.set(1, (Long) acc.get(1) + (Long) r[2]);
        acc.set(2, acc.get(2) == null ? r[3] : r[3] == null ? acc.get(2) : (Long) acc.get(2) + (Long) r[3]);
        acc.set(3, acc.get(3) == null ? r[4] : r[4] == null ? acc.get(3) : Math.min((Double) acc.get(3), (Double) r[4]));
        acc.set(4, acc.get(4) == null ? r[5] : r[5] == null ? acc.get(4) : Math.max((Long) acc.get(4), (Long) r[5]));
      }
    }
    out.values().removeIf(acc -> (Long) acc.get(0) == 0);
    return out;
  }

  private static Map<Object, List<Object>> modelAggregate(Map<Integer, Object[]> model, Predicate p) {
    Map<Object, List<Object>> out = new HashMap<>();
    for (Object[] r : model.values()) {
      if (model(p, r) != 1) {
        continue;
      }
      List<Object> acc = out.computeIfAbsent(r[4], k -> new ArrayList<>(Arrays.asList(0L, 0L, null, null, null)));
      acc.set(0, (Long) acc.get(0) + 1);
      if (r[1] != null) {
        acc.set(1, (Long) acc.get(1) + 1);
        acc.set(2, acc.get(2) == null ? (long) (Integer) r[1] : (Long) acc.get(2) + (Integer) r[1]);
      }
      if (r[3] != null) {
        acc.set(3, acc.get(3) == null ? r[3] : Math.min((Double) acc.get(3), (Double) r[3]));
      }
      if (r[2] != null) {
        acc.set(4, acc.get(4) == null ? r[2] : Math.max((Long) acc.get(4), (Long) r[2]));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void shouldAgreeWithRowAtATimeModel(boolean indexed) {
    Random rnd = new Random(indexed ? 99 : 98);
    EmbeddedStore store = new EmbeddedStore(3);
    store.createTable(schema(indexed), false);
    TableData t = store.table(indexed ? "indexed" : "plain").orElseThrow();
    Map<Integer, Object[]> model = new HashMap<>();
    List<Object[]> rows = new ArrayList<>();
    for (int id = 0; id < 5000; id++) {
      Object[] row = new Object[TYPES.length + 1];
      row[0] = id;
      for (int c = 0; c < TYPES.length; c++) {
        row[c + 1] = randomValue(rnd, TYPES[c]);
      }
      rows.add(row);
      model.put(id, row);
    }
    t.insert(rows);
    for (int round = 0; round < 300; round++) {
      Predicate p = randomPredicate(rnd, 0);
      if (round % 25 == 24) {
        // Delete or update through the engine and the model alike (deletes drive compaction).
        if (rnd.nextBoolean()) {
          t.delete(p);
          model.values().removeIf(r -> model(p, r) == 1);
        } else {
          int col = 1 + rnd.nextInt(TYPES.length);
          Object v = randomValue(rnd, TYPES[col - 1]);
          Map<Integer, Object> set = new HashMap<>();
          set.put(col, v);
          t.update(p, set);
          for (Object[] r : model.values()) {
            if (model(p, r) == 1) {
              r[col] = v;
            }
          }
        }
        continue;
      }
      TreeSet<Integer> expected = new TreeSet<>();
      for (Object[] r : model.values()) {
        if (model(p, r) == 1) {
          expected.add((Integer) r[0]);
        }
      }
      TreeSet<Integer> actual = new TreeSet<>();
      for (Object[] r : EmbeddedTableTest.scanAll(t, ScanSpec.filtered(p).withProjection(0))) {
        actual.add((Integer) r[0]);
      }
      assertThat(actual).as("round %d: %s", round, p).isEqualTo(expected);
      if (round % 5 == 0) {
        assertThat(aggregate(t, p)).as("aggregates, round %d: %s", round, p).isEqualTo(modelAggregate(model, p));
      }
    }
    assertThat(t.rowCount()).isEqualTo(model.size());
    for (Object[] r : model.values()) {
      assertThat(t.get(r[0]).orElseThrow()).containsExactly(r);
    }
  }
}
