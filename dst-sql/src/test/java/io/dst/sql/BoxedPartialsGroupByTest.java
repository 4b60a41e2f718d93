package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.api.DataStore;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.Predicate;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A table that only offers boxed partial rows (as the cluster client does, over the wire) groups
 * through {@code TableData.aggregateColumns}'s default adapter: every GROUP BY must give the same
 * rows, in the same order, as over the embedded engine's columnar partials.
 */
class BoxedPartialsGroupByTest extends SessionTestSupport {
  private static final String[] QUERIES = {
    "select k, count(*), count(d), sum(v), min(v), max(v), avg(v), sum(d), min(d), max(s), min(s) from g group by k",
    "select k, s, count(*), sum(v), avg(d) from g group by k, s",
    "select v, count(*), max(k) from g group by v",
    "select count(*), sum(v), min(s), avg(d) from g",
    "select count(*), sum(v), min(s), avg(d) from g where v > 100",
    "select k, count(*), sum(v) from g where v > 4 group by k",
  };

  @Test
  void shouldGroupBoxedPartialsLikeColumnarOnes() {
    run("create table g (id int primary key, k varchar, s varchar, v int, d double)");
    PreparedStatementPlan insert = session.prepare("insert into g values (?, ?, ?, ?, ?)");
    List<List<Object>> batch = new ArrayList<>();
    for (int id = 0; id < 30_000; id++) {
      // More than 8,192 partial groups, so both paths also merge in parallel shards.
      String k = id % 5_000 == 0 ? null : "k" + (id % 5_000);
      String s = id % 3 == 0 ? null : "s" + (id % 3);
      Integer v = id % 11 == 0 ? null : id % 7;
      Double d = id % 13 == 0 ? null : (id % 5) / 2.0;
      batch.add(Arrays.asList(id, k, s, v, d));
    }
    insert.executeBatch(batch);
    try (DstDatabase boxedDb = DstDatabase.open(new BoxedOnlyStore(store));
        DstSession boxed = boxedDb.openSession()) {
      for (String sql : QUERIES) {
        List<List<Object>> columnar = rows(sql);
        assertThat(rowsOf(boxed.execute(sql))).as(sql).containsExactlyElementsOf(columnar);
      }
      assertThat(rows(QUERIES[0])).hasSize(5_000);
      assertThat(rows(QUERIES[4])).containsExactly(Arrays.asList(0L, null, null, null));
    }
  }

  /** The embedded store whose tables forward everything but keep the boxed default of aggregateColumns. */
  private record BoxedOnlyStore(EmbeddedStore store) implements DataStore {
    @Override
    public List<TableSchema> tables() {
      return store.tables();
    }

    @Override
    public Optional<TableData> table(String name) {
      return store.table(name).map(BoxedOnlyTable::new);
    }

    @Override
    public boolean createTable(TableSchema schema, boolean ifNotExists) {
      return store.createTable(schema, ifNotExists);
    }

    @Override
    public boolean dropTable(String name, boolean ifExists) {
      return store.dropTable(name, ifExists);
    }

    @Override
    public void createIndex(String table, String indexName, List<String> columns) {
      store.createIndex(table, indexName, columns);
    }

    @Override
    public KvStore kv() {
      return store.kv();
    }
  }

  private record BoxedOnlyTable(TableData data) implements TableData {
    @Override
    public TableSchema schema() {
      return data.schema();
    }

    @Override
    public int partitionCount() {
      return data.partitionCount();
    }

    @Override
    public long rowCount() {
      return data.rowCount();
    }

    @Override
    public RowCursor scan(int partition, ScanSpec spec) {
      return data.scan(partition, spec);
    }

    @Override
    public List<Object[]> aggregate(int partition, AggregateSpec spec) {
      return data.aggregate(partition, spec);
    }

    @Override
    public Optional<Object[]> get(Object primaryKey) {
      return data.get(primaryKey);
    }

    @Override
    public RowCursor lookup(int column, Object value, int[] projection) {
      return data.lookup(column, value, projection);
    }

    @Override
    public int insert(List<Object[]> rows) {
      return data.insert(rows);
    }

    @Override
    public int update(Predicate filter, Map<Integer, Object> assignments) {
      return data.update(filter, assignments);
    }

    @Override
    public int delete(Predicate filter) {
      return data.delete(filter);
    }
  }
}
