package io.dst.bench.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * CSV bulk load, Dst vs H2, of the same generated file of DESIGN.md's task_table (default 1M rows).
 * Dst: {@code table.load task_table from "file"} through the embedded JDBC driver into a fresh
 * {@code jdbc:dst:mem:}. H2 2.5: a fresh in-memory database, {@code INSERT INTO task_table SELECT
 * ... FROM CSVREAD(file)} into a table with the same typed columns, the same primary key and an index
 * on driver_id; H2 stores {@code arguments} as the VARCHAR text (it has no parser for array text),
 * so H2 does less work than Dst there. Rounds alternate (Dst, H2, Dst, ...) so both see the same
 * background load; each round times the load statement alone and checks the row count.
 *
 * <p>Not a test: run it with {@code -Dexec.mainClass=io.dst.bench.csv.CsvLoadBenchmark
 * -Dexec.args="ROWS ROUNDS"}, or {@code "ROWS ROUNDS dst"} for Dst alone (see the integration-tests README).
 */
public final class CsvLoadBenchmark {
  private CsvLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    boolean dstOnly = args.length > 2 && args[2].equals("dst");   // for profiling Dst alone
    Path dir = Files.createTempDirectory("dst-csv-bench");
    Path csv = dir.resolve("tasks.csv");
    Path schema = dir.resolve("tasks.sc");
    generate(csv, rows);
    Files.writeString(schema, """
        table task_table {
          [p]task_id: string;
          [i]driver_id: string;
          task_name: string;
          return_num: int;
          arguments: [string];
        }
        """);
    System.out.printf("CSV: %,d rows, %.1f MB at %s%n", rows, Files.size(csv) / 1e6, csv);
    // one warm-up round each, not counted
    dst(csv, schema, rows);
    if (dstOnly) {
      for (int r = 1; r <= rounds; r++) {
        double d = dst(csv, schema, rows);
        System.out.printf("round %d: Dst %.2f s (%,.0f rows/s)%n", r, d, rows / d);
      }
      return;
    }
    h2(csv, rows, 0);
    List<Double> dstTimes = new ArrayList<>();
    List<Double> h2Times = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      double d = dst(csv, schema, rows);
      double h = h2(csv, rows, r);
      dstTimes.add(d);
      h2Times.add(h);
      System.out.printf("round %d: Dst %.2f s (%,.0f rows/s), H2 %.2f s (%,.0f rows/s), H2/Dst %.2fx%n", r, d,
          rows / d, h, rows / h, h / d);
    }
    double dMin = min(dstTimes);
    double dMax = max(dstTimes);
    double hMin = min(h2Times);
    double hMax = max(h2Times);
    System.out.printf("Dst: %.2f-%.2f s, median %.2f s (%,.0f rows/s)%n", dMin, dMax, median(dstTimes), rows / median(dstTimes));
    System.out.printf("H2:  %.2f-%.2f s, median %.2f s (%,.0f rows/s)%n", hMin, hMax, median(h2Times), rows / median(h2Times));
    System.out.printf("speed-up Dst over H2: median %.2fx, per-round range %.2fx-%.2fx%n",
        median(h2Times) / median(dstTimes), minRatio(h2Times, dstTimes), maxRatio(h2Times, dstTimes));
    Files.deleteIfExists(csv);
    Files.deleteIfExists(schema);
    Files.deleteIfExists(dir);
  }

  /** task_id unique, driver_id from 10,000 values, a name, a number and a 1-3 element string array. */
  static void generate(Path csv, int rows) throws IOException {
    Random random = new Random(1);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("task_id,driver_id,task_name,return_num,arguments\n");
      StringBuilder line = new StringBuilder(128);
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        line.append(String.format("t%08d", i)).append(',')
            .append(String.format("d%05d", random.nextInt(10_000))).append(',')
            .append("task ").append(i % 997).append(',')
            .append(random.nextInt(1000)).append(',')
            .append("\"[");
        int n = 1 + random.nextInt(3);
        for (int a = 0; a < n; a++) {
          line.append(a == 0 ? "" : ", ").append("\"\"").append(random.nextInt(100)).append("\"\"");
        }
        line.append("]\"\n");
        w.append(line);
      }
    }
  }

  private static double dst(Path csv, Path schema, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:dst:mem:"); Statement s = c.createStatement()) {
      s.execute("table.create task_table from \"" + escape(schema) + "\"");
      long t0 = System.nanoTime();
      int n = s.executeUpdate("table.load task_table from \"" + escape(csv) + "\"");
      double seconds = (System.nanoTime() - t0) / 1e9;
      check(n, rows, "Dst");
      try (ResultSet rs = s.executeQuery("select count(*) from task_table")) {
        rs.next();
        check(rs.getLong(1), rows, "Dst count(*)");
      }
      return seconds;
    }
  }

  private static double h2(Path csv, int rows, int round) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:csvbench" + round); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE task_table (task_id VARCHAR PRIMARY KEY, driver_id VARCHAR, task_name VARCHAR, "
          + "return_num INT, arguments VARCHAR)");
      s.execute("CREATE INDEX task_driver ON task_table(driver_id)");
      long t0 = System.nanoTime();
      int n = s.executeUpdate("INSERT INTO task_table SELECT task_id, driver_id, task_name, CAST(return_num AS INT), "
          + "arguments FROM CSVREAD('" + csv.toString().replace("'", "''") + "', NULL, 'charset=UTF-8')");
      double seconds = (System.nanoTime() - t0) / 1e9;
      check(n, rows, "H2");
      s.execute("SHUTDOWN");
      return seconds;
    }
  }

  private static String escape(Path p) {
    return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void check(long got, long expected, String who) {
    if (got != expected) {
      throw new IllegalStateException(who + " loaded " + got + " rows, expected " + expected);
    }
  }

  private static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double minRatio(List<Double> h2, List<Double> dst) {
    double m = Double.MAX_VALUE;
    for (int i = 0; i < h2.size(); i++) {
      m = Math.min(m, h2.get(i) / dst.get(i));
    }
    return m;
  }

  private static double maxRatio(List<Double> h2, List<Double> dst) {
    double m = 0;
    for (int i = 0; i < h2.size(); i++) {
      m = Math.max(m, h2.get(i) / dst.get(i));
    }
    return m;
  }
}
