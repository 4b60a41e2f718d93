package io.dst.bench.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Dst through its embedded JDBC driver ({@code jdbc:dst:mem:}) against H2 and DuckDB in memory, in
 * one run and through the same JDBC code: primary-key lookups by PreparedStatement (vs H2), and a
 * filtered scan, a group-by and a join over task rows joined to drivers (vs DuckDB). Prints ops/s
 * and median milliseconds (with the range) and the ratios.
 *
 * <p>Run: {@code mvn -B -q -pl integration-tests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.dst.bench.sql.JdbcSqlBenchmark -Dexec.args="1000000 10000"}.
 */
public final class JdbcSqlBenchmark {
  private static final int KV_ROWS = 100_000;
  private static final int LOOKUP_ROUNDS = 10;
  private static final long LOOKUP_SLICE_MILLIS = 300;
  private static final int WARMUP_RUNS = 10;
  private static final int TIMED_RUNS = 15;

  private static final String[] QUERIES = {
    "select task_id, return_num from task where return_num < 50 and cost > 10.0",
    "select driver_id, count(*), sum(return_num), avg(cost) from task group by driver_id",
    "select d.driver_name, count(*), sum(t.cost) from task t join driver d on t.driver_id = d.driver_id "
        + "where t.return_num < 100 group by d.driver_name",
  };
  private static final String[] NAMES = {"filtered scan", "group-by", "join"};

  private JdbcSqlBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int drivers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    try (Connection dst = DriverManager.getConnection("jdbc:dst:mem:bench");
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      PreparedStatement dstLookup = lookupStatement(dst);
      PreparedStatement h2Lookup = lookupStatement(h2);
      opsPerSecond(dstLookup, 1_000);
      opsPerSecond(h2Lookup, 1_000);
      // Alternate short slices so a change in machine load affects both databases alike.
      double dstOps = 0;
      double h2Ops = 0;
      for (int round = 0; round < LOOKUP_ROUNDS; round++) {
        dstOps += opsPerSecond(dstLookup, LOOKUP_SLICE_MILLIS) / LOOKUP_ROUNDS;
        h2Ops += opsPerSecond(h2Lookup, LOOKUP_SLICE_MILLIS) / LOOKUP_ROUNDS;
      }
      System.out.printf(Locale.ROOT,
          "pk lookup (PreparedStatement, %,d rows): dst %,.0f ops/s, h2 %,.0f ops/s, ratio dst/h2 %.2fx%n",
          KV_ROWS, dstOps, h2Ops, dstOps / h2Ops);
      long t0 = System.nanoTime();
      loadBatched(dst, tasks, drivers);
      long dstLoad = System.nanoTime() - t0;
      t0 = System.nanoTime();
      loadAppender(duck, tasks, drivers);
      long duckLoad = System.nanoTime() - t0;
      System.out.printf(Locale.ROOT, "load %,d tasks + %,d drivers: dst %.1f s (batched PreparedStatement), "
          + "duckdb %.1f s (appender)%n", tasks, drivers, dstLoad / 1e9, duckLoad / 1e9);
      for (int q = 0; q < QUERIES.length; q++) {
        String sql = QUERIES[q];
        long dstRows = query(dst, sql);
        long duckRows = query(duck, sql);
        if (dstRows != duckRows) {
          throw new IllegalStateException(NAMES[q] + ": dst returned " + dstRows + " rows, duckdb " + duckRows);
        }
        double[] t = medianMillis(dst, duck, sql);
        System.out.printf(Locale.ROOT, "%-14s (%,d rows): dst %.1f ms (%.1f-%.1f), duckdb %.1f ms (%.1f-%.1f), "
            + "ratio of medians duckdb/dst %.2fx (>= 1 means dst is no slower)%n", NAMES[q], dstRows,
            t[0], t[1], t[2], t[3], t[4], t[5], t[3] / t[0]);
      }
    }
  }

  private static PreparedStatement lookupStatement(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("create table kv (id bigint primary key, val varchar(64), n int)");
    }
    try (PreparedStatement p = c.prepareStatement("insert into kv values (?, ?, ?)")) {
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
    return c.prepareStatement("select val, n from kv where id = ?");
  }

  private static double opsPerSecond(PreparedStatement p, long millis) throws Exception {
    long start = System.nanoTime();
    long deadline = start + millis * 1_000_000;
    long ops = 0;
    long found = 0;
    do {
      for (int i = 0; i < 1000; i++) {
        p.setLong(1, ThreadLocalRandom.current().nextLong(KV_ROWS));
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            rs.getString(1);
            rs.getInt(2);
            found++;
          }
        }
      }
      ops += 1000;
    } while (System.nanoTime() < deadline);
    if (found != ops) {
      throw new IllegalStateException("lookups found " + found + " rows for " + ops + " keys");
    }
    return ops / ((System.nanoTime() - start) / 1e9);
  }

  private static final String TASK_DDL = "create table task (task_id varchar(32) primary key, driver_id varchar(32), "
      + "task_name varchar(32), return_num int, cost double)";
  private static final String DRIVER_DDL =
      "create table driver (driver_id varchar(32) primary key, driver_name varchar(32), actor_num int)";

  private static void loadBatched(Connection c, int tasks, int drivers) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(TASK_DDL);
      s.execute(DRIVER_DDL);
    }
    try (PreparedStatement p = c.prepareStatement("insert into driver values (?, ?, ?)")) {
      for (int i = 0; i < drivers; i++) {
        p.setString(1, driverId(i));
        p.setString(2, "name-" + i);
        p.setInt(3, i % 50);
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p = c.prepareStatement("insert into task values (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < tasks; i++) {
        p.setString(1, taskId(i));
        p.setString(2, driverId(i % drivers));
        p.setString(3, "task-name-" + (i % 100));
        p.setInt(4, i % 1000);
        p.setDouble(5, (i % 10_000) / 100.0);
        p.addBatch();
        if (i % 10_000 == 9_999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }

  private static void loadAppender(Connection duck, int tasks, int drivers) throws Exception {
    try (Statement s = duck.createStatement()) {
      s.execute(TASK_DDL);
      s.execute(DRIVER_DDL);
    }
    org.duckdb.DuckDBConnection d = duck.unwrap(org.duckdb.DuckDBConnection.class);
    try (var appender = d.createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "driver")) {
      for (int i = 0; i < drivers; i++) {
        appender.beginRow();
        appender.append(driverId(i));
        appender.append("name-" + i);
        appender.append(i % 50);
        appender.endRow();
      }
    }
    try (var appender = d.createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "task")) {
      for (int i = 0; i < tasks; i++) {
        appender.beginRow();
        appender.append(taskId(i));
        appender.append(driverId(i % drivers));
        appender.append("task-name-" + (i % 100));
        appender.append(i % 1000);
        appender.append((i % 10_000) / 100.0);
        appender.endRow();
      }
    }
  }

  private static String taskId(int i) {
    return String.format(Locale.ROOT, "task-%08d", i);
  }

  private static String driverId(int i) {
    return String.format(Locale.ROOT, "drv-%05d", i);
  }

  /**
   * Median, minimum and maximum times of the query on both databases (a's three, then b's), timed
   * alternately so load changes hit both, after a warm-up long enough for the JIT to compile the
   * JVM side's hot paths (DuckDB's native code needs none, so a short warm-up measured the JIT).
   */
  private static double[] medianMillis(Connection a, Connection b, String sql) throws Exception {
    for (int i = 0; i < WARMUP_RUNS; i++) {
      query(a, sql);
      query(b, sql);
    }
    List<Double> timesA = new ArrayList<>();
    List<Double> timesB = new ArrayList<>();
    for (int i = 0; i < TIMED_RUNS; i++) {
      long start = System.nanoTime();
      query(a, sql);
      timesA.add((System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      query(b, sql);
      timesB.add((System.nanoTime() - start) / 1e6);
    }
    timesA.sort(null);
    timesB.sort(null);
    return new double[] {timesA.get(timesA.size() / 2), timesA.get(0), timesA.get(timesA.size() - 1),
        timesB.get(timesB.size() / 2), timesB.get(0), timesB.get(timesB.size() - 1)};
  }

  private static long query(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      long n = 0;
      while (rs.next()) {
        for (int col = 1; col <= columns; col++) {
          rs.getObject(col);
        }
        n++;
      }
      return n;
    }
  }
}
