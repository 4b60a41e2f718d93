package io.dst.jdbc.shell;

import io.dst.jdbc.DstStatement;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one statement through JDBC and prints what it gave: rows as an aligned table, a command's
 * message quoted ({@code "ok"}), or an update count; then, for a person at a terminal, how long it
 * took. {@code str} and {@code dict} reads print as values, as DESIGN.md shows them: one value
 * ({@code "v1"}), a dict ({@code {"k1" : "v1" , "k2" : "v2"}}) or a list of keys. Errors print as
 * their message alone and the shell carries on.
 */
final class StatementPrinter {
  private static final Pattern KV_READ = Pattern.compile("\\s*(str|dict)\\s*\\.", Pattern.CASE_INSENSITIVE);

  private final Connection connection;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean timed;
  private volatile Statement running;

  StatementPrinter(Connection connection, PrintWriter out, PrintWriter err, boolean timed) {
    this.connection = connection;
    this.out = out;
    this.err = err;
    this.timed = timed;
  }

  /** True when the statement succeeded. */
  boolean run(String text) {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      running = statement;
      String summary;
      if (statement.execute(text)) {
        try (ResultSet rs = statement.getResultSet()) {
          int rows = KV_READ.matcher(text).lookingAt() ? printValues(rs) : printRows(rs);
          summary = rows + (rows == 1 ? " row" : " rows") + ", ";
        }
      } else {
        String message = statement.isWrapperFor(DstStatement.class)
            ? statement.unwrap(DstStatement.class).lastMessage() : null;
        if (message != null) {
          out.println(ValueFormatter.quote(message));
        } else {
          long count = statement.getLargeUpdateCount();
          out.println(count + (count == 1 ? " row" : " rows") + " affected");
        }
        summary = "";
      }
      if (timed) {
        out.println("(" + summary + elapsed(start) + ")");
      }
      out.flush();
      return true;
    } catch (SQLException e) {
      out.flush();
      err.println("Error: " + e.getMessage());
      err.flush();
      return false;
    } finally {
      running = null;
    }
  }

  void cancel() {
    Statement s = running;
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // the statement finished (and closed) between the check and the cancel: nothing to stop
      }
    }
  }

  /** A key-value value read ({@code str.get}, {@code dict.get}, ...): printed as values, not a table. */
  private int printValues(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int columns = meta.getColumnCount();
    if (columns == 2 && meta.getColumnLabel(1).equalsIgnoreCase("key")
        && meta.getColumnLabel(2).equalsIgnoreCase("value")) {
      Map<Object, Object> dict = new LinkedHashMap<>();
      while (rs.next()) {
        dict.put(rs.getObject(1), rs.getObject(2));
      }
      out.println(ValueFormatter.format(dict));
      return dict.size();
    }
    if (columns != 1) {
      return printRows(rs);
    }
    List<Object> values = new ArrayList<>();
    while (rs.next()) {
      values.add(rs.getObject(1));
    }
    out.println(ValueFormatter.format(values.size() == 1 ? values.get(0) : values));
    return values.size();
  }

  private int printRows(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> headers = new ArrayList<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      headers.add(meta.getColumnLabel(c));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(headers.size());
      for (int c = 1; c <= headers.size(); c++) {
        row.add(ValueFormatter.format(rs.getObject(c)));
      }
      rows.add(row);
    }
    out.print(TableRenderer.render(headers, rows));
    return rows.size();
  }

  private static String elapsed(long startNanos) {
    double ms = (System.nanoTime() - startNanos) / 1_000_000.0;
    return ms < 1000 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }
}
