package io.dst.jdbc.shell;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes the first word of a statement to a command ({@code str.put}, {@code task_table.query}),
 * a SQL keyword or a shell word, and later words to table names, column names and keywords (in a
 * {@code T.verb} command, only T's columns); tables and columns are read from the connection's
 * DatabaseMetaData at each completion.
 */
final class DstCompleter implements Completer {
  static final List<String> KV_COMMANDS = List.of("str.put", "str.get", "str.del", "dict.put", "dict.get",
      "dict.del");
  static final List<String> TABLE_COMMANDS = List.of("table.create", "table.drop", "table.list", "table.desc",
      "table.load");
  static final List<String> TABLE_VERBS = List.of("query", "add", "delete", "update");
  static final List<String> SQL_FIRST = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "WITH",
      "EXPLAIN", "VALUES");
  static final List<String> KEYWORDS = List.of("when", "and", "or", "from", "set", "FROM", "WHERE", "AND", "OR",
      "GROUP BY", "ORDER BY", "LIMIT", "INTO", "JOIN", "ON", "AS");

  private final Connection connection;

  DstCompleter(Connection connection) {
    this.connection = connection;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    Map<String, List<String>> tables = tablesAndColumns();
    if (line.wordIndex() == 0 || isStatementStart(line)) {
      for (String c : KV_COMMANDS) {
        candidates.add(new Candidate(c, c, "commands", null, null, null, true));
      }
      for (String c : TABLE_COMMANDS) {
        candidates.add(new Candidate(c, c, "commands", null, null, null, true));
      }
      for (String table : tables.keySet()) {
        for (String verb : TABLE_VERBS) {
          String c = table + "." + verb;
          candidates.add(new Candidate(c, c, "tables", null, null, null, true));
        }
      }
      for (String k : SQL_FIRST) {
        candidates.add(new Candidate(k, k, "SQL", null, null, null, true));
      }
      for (String w : StatementSplitter.SHELL_WORDS) {
        candidates.add(new Candidate(w, w, "shell", null, null, null, true));
      }
      return;
    }
    String head = line.words().isEmpty() ? "" : line.words().get(0);
    int dot = head.indexOf('.');
    List<String> commandTable = dot > 0 ? tables.get(head.substring(0, dot)) : null;
    TreeSet<String> columns = new TreeSet<>();
    if (commandTable != null) {
      // inside T.query/add/update/delete only T's columns make sense
      columns.addAll(commandTable);
    } else {
      for (String table : tables.keySet()) {
        candidates.add(new Candidate(table, table, "tables", null, null, null, true));
      }
      tables.values().forEach(columns::addAll);
    }
    for (String column : columns) {
      candidates.add(new Candidate(column, column, "columns", null, null, null, true));
    }
    for (String k : KEYWORDS) {
      candidates.add(new Candidate(k, k, "keywords", null, null, null, true));
    }
  }

  /** The word follows a {@code ;} on the same entry, so it starts a new statement. */
  private static boolean isStatementStart(ParsedLine line) {
    List<String> words = line.words();
    int i = line.wordIndex();
    return i > 0 && i - 1 < words.size() && words.get(i - 1).endsWith(";");
  }

  private Map<String, List<String>> tablesAndColumns() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
        }
      }
    } catch (SQLException | RuntimeException e) {
      // completion is a convenience: with the database unreachable there is simply nothing to offer
    }
    return out;
  }
}
