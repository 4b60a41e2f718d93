package io.dst.bench.sql;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.api.RowCursor;
import io.dst.sql.DstDatabase;
import io.dst.sql.DstSession;
import io.dst.sql.PreparedStatementPlan;
import io.dst.sql.StatementResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Dst's SQL layer (through {@link DstSession}, in process) against H2 and DuckDB in memory, in one
 * run: primary-key lookups by prepared statement (vs H2), and a filtered scan, a group-by and a join
 * over 1M task rows and 10k drivers (vs DuckDB). Prints ops/s and median milliseconds with ratios.
 *
 * <p>Run: {@code mvn -B -q -pl dst-sql test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.dst.bench.sql.SqlBenchmark} (optional args: task rows, driver rows).
 */
public final class SqlBenchmark {
  private static final int KV_ROWS = 100_000;
  private static final long LOOKUP_MILLIS = 3_000;

  private SqlBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int drivers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    try (EmbeddedStore store = new EmbeddedStore();
        DstDatabase database = DstDatabase.open(store);
        DstSession dst = database.openSession();
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      lookups(dst, h2);
      analytics(dst, duck, tasks, drivers);
    }
  }

  // ---- primary-key lookups ----

  private static void lookups(DstSession dst, Connection h2) throws Exception {
    dst.execute("create table kv (id bigint primary key, val varchar, n int)");
    PreparedStatementPlan insert = dst.prepare("insert into kv values (?, ?, ?)");
    List<List<Object>> batch = new ArrayList<>();
    for (long i = 0; i < KV_ROWS; i++) {
      batch.add(Arrays.asList(i, "value-" + i, (int) (i % 1000)));
    }
    insert.executeBatch(batch);
    try (Statement s = h2.createStatement()) {
      s.execute("create table kv (id bigint primary key, val varchar, n int)");
    }
    try (PreparedStatement p = h2.prepareStatement("insert into kv values (?, ?, ?)")) {
      for (long i = 0; i < KV_ROWS; i++) {
        p.setLong(1, i);
        p.setString(2, "value-" + i);
        p.setInt(3, (int) (i % 1000));
        p.addBatch();
        if (i % 10_000 == 9_999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
    String sql = "select val, n from kv where id = ?";
    PreparedStatementPlan plan = dst.prepare(sql);
    PreparedStatement h2Plan = h2.prepareStatement(sql);
    Lookup dstLookup = key -> drain(plan.execute(List.of(key)));
    Lookup h2Lookup = key -> {
      h2Plan.setLong(1, key);
      try (ResultSet rs = h2Plan.executeQuery()) {
        long n = 0;
        while (rs.next()) {
          rs.getString(1);
          rs.getInt(2);
          n++;
        }
        return n;
      }
    };
    opsPerSecond(dstLookup, 500);
    opsPerSecond(h2Lookup, 500);
    double dstOps = opsPerSecond(dstLookup, LOOKUP_MILLIS);
    double h2Ops = opsPerSecond(h2Lookup, LOOKUP_MILLIS);
    System.out.printf(Locale.ROOT, "pk lookup (PreparedStatement): dst %,.0f ops/s, h2 %,.0f ops/s, ratio dst/h2 %.2fx%n",
        dstOps, h2Ops, dstOps / h2Ops);
  }

  private interface Lookup {
    long run(long key) throws Exception;
  }

  private static double opsPerSecond(Lookup lookup, long millis) throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long ops = 0;
    long start = System.nanoTime();
    long found = 0;
    while (true) {
      for (int i = 0; i < 1000; i++) {
        found += lookup.run(ThreadLocalRandom.current().nextLong(KV_ROWS));
      }
      ops += 1000;
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    if (found != ops) {
      throw new IllegalStateException("lookups found " + found + " rows for " + ops + " keys");
    }
    return ops / ((System.nanoTime() - start) / 1e9);
  }

  // ---- analytics ----

  private static final String[] QUERIES = {
    "select task_id, return_num from task where return_num < 50 and cost > 10.0",
    "select driver_id, count(*), sum(return_num), avg(cost) from task group by driver_id",
    "select d.driver_name, count(*), sum(t.cost) from task t join driver d on t.driver_id = d.driver_id "
        + "where t.return_num < 100 group by d.driver_name",
  };
  private static final String[] NAMES = {"filtered scan", "group-by", "join"};

  private static void analytics(DstSession dst, Connection duck, int tasks, int drivers) throws Exception {
    String taskDdl = "create table task (task_id varchar primary key, driver_id varchar, task_name varchar, "
        + "return_num int, cost double)";
    String driverDdl = "create table driver (driver_id varchar primary key, driver_name varchar, actor_num int)";
    dst.execute(taskDdl);
    dst.execute(driverDdl);
    try (Statement s = duck.createStatement()) {
      s.execute(taskDdl);
      s.execute(driverDdl);
    }
    long t0 = System.nanoTime();
    PreparedStatementPlan driverInsert = dst.prepare("insert into driver values (?, ?, ?)");
    List<List<Object>> batch = new ArrayList<>();
    for (int i = 0; i < drivers; i++) {
      batch.add(Arrays.asList(driverId(i), "name-" + i, i % 50));
    }
    driverInsert.executeBatch(batch);
    PreparedStatementPlan taskInsert = dst.prepare("insert into task values (?, ?, ?, ?, ?)");
    batch = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      batch.add(Arrays.asList(String.format(Locale.ROOT, "task-%08d", i), driverId(i % drivers),
          "task-name-" + (i % 100), i % 1000, (i % 10_000) / 100.0));
      if (batch.size() == 10_000) {
        taskInsert.executeBatch(batch);
        batch = new ArrayList<>();
      }
    }
    taskInsert.executeBatch(batch);
    long dstLoad = System.nanoTime() - t0;
    t0 = System.nanoTime();
    try (var appender = ((org.duckdb.DuckDBConnection) duck).createAppender(
        org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "driver")) {
      for (int i = 0; i < drivers; i++) {
        appender.beginRow();
        appender.append(driverId(i));
        appender.append("name-" + i);
        appender.append(i % 50);
        appender.endRow();
      }
    }
    try (var appender = ((org.duckdb.DuckDBConnection) duck).createAppender(
        org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "task")) {
      for (int i = 0; i < tasks; i++) {
        appender.beginRow();
        appender.append(String.format(Locale.ROOT, "task-%08d", i));
        appender.append(driverId(i % drivers));
        appender.append("task-name-" + (i % 100));
        appender.append(i % 1000);
        appender.append((i % 10_000) / 100.0);
        appender.endRow();
      }
    }
    long duckLoad = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "load %,d tasks + %,d drivers: dst %.1f s (prepared INSERT, executeBatch of 10,000), duckdb %.1f s (appender)%n",
        tasks, drivers, dstLoad / 1e9, duckLoad / 1e9);

    for (int q = 0; q < QUERIES.length; q++) {
      String sql = QUERIES[q];
      long dstRows = drain(dst.execute(sql));
      long duckRows = duckRun(duck, sql);
      if (dstRows != duckRows) {
        throw new IllegalStateException(NAMES[q] + ": dst returned " + dstRows + " rows, duckdb " + duckRows);
      }
      double dstMs = medianMillis(() -> drain(dst.execute(sql)));
      double duckMs = medianMillis(() -> duckRun(duck, sql));
      System.out.printf(Locale.ROOT, "%-14s (%,d rows): dst %.1f ms, duckdb %.1f ms, ratio duckdb/dst %.2fx (>= 1 means dst is no slower)%n",
          NAMES[q], dstRows, dstMs, duckMs, duckMs / dstMs);
    }
  }

  private static String driverId(int i) {
    return String.format(Locale.ROOT, "drv-%05d", i);
  }

  private interface Query {
    long run() throws Exception;
  }

  private static double medianMillis(Query query) throws Exception {
    for (int i = 0; i < 2; i++) {
      query.run();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long start = System.nanoTime();
      query.run();
      times.add((System.nanoTime() - start) / 1e6);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  private static long duckRun(Connection duck, String sql) throws Exception {
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      long n = 0;
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
        }
        n++;
      }
      return n;
    }
  }

  private static long drain(StatementResult result) {
    long n = 0;
    try (RowCursor cursor = ((StatementResult.Rows) result).cursor()) {
      while (cursor.hasNext()) {
        cursor.next();
        n++;
      }
    }
    return n;
  }
}
