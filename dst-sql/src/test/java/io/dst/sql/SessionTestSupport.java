package io.dst.sql;

import io.dst.engine.EmbeddedStore;
import io.dst.engine.api.RowCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh embedded database and session per test, with helpers to run statements and read rows. */
abstract class SessionTestSupport {
  protected EmbeddedStore store;
  protected DstDatabase database;
  protected DstSession session;

  @BeforeEach
  void openDatabase() {
    store = new EmbeddedStore();
    database = DstDatabase.open(store);
    session = database.openSession();
  }

  @AfterEach
  void closeDatabase() {
    session.close();
    database.close();
    store.close();
  }

  protected StatementResult run(String text) {
    return session.execute(text);
  }

  protected void runAll(String... statements) {
    for (String s : statements) {
      session.execute(s);
    }
  }

  /** Rows of a query as lists, for readable assertions. */
  protected List<List<Object>> rows(String text) {
    return rowsOf(session.execute(text));
  }

  protected static List<List<Object>> rowsOf(StatementResult result) {
    if (!(result instanceof StatementResult.Rows rows)) {
      throw new AssertionError("expected rows but got " + result);
    }
    List<List<Object>> out = new ArrayList<>();
    try (RowCursor cursor = rows.cursor()) {
      while (cursor.hasNext()) {
        out.add(Arrays.asList(cursor.next()));
      }
    }
    return out;
  }

  protected static List<String> labels(StatementResult result) {
    return ((StatementResult.Rows) result).columns().stream().map(ResultColumn::label).toList();
  }

  protected long count(String text) {
    StatementResult result = session.execute(text);
    if (!(result instanceof StatementResult.UpdateCount c)) {
      throw new AssertionError("expected an update count but got " + result);
    }
    return c.count();
  }

  protected String explain(String sql) {
    return (String) rows("EXPLAIN PLAN FOR " + sql).get(0).get(0);
  }

  protected static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
