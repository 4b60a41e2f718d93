package io.dst.jdbc.shell;

import io.dst.jdbc.DstStatement;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one statement through JDBC and prints what it gave: rows as an aligned table, a command's
 * message, or an update count; then, for a person at a terminal, how long it took. Errors print
 * as their message alone and the shell carries on.
 */
final class StatementPrinter {
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
          int rows = printRows(rs);
          summary = rows + (rows == 1 ? " row" : " rows") + ", ";
        }
      } else {
        String message = statement.isWrapperFor(DstStatement.class)
            ? statement.unwrap(DstStatement.class).lastMessage() : null;
        if (message != null) {
          out.println(message);
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
