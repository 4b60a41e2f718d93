package io.dst.sql.dml;

import io.dst.engine.api.TableData;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import io.dst.sql.exec.CompiledQuery;
import io.dst.sql.exec.StatementPlan;
import io.dst.sql.schema.DstTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;

/**
 * INSERT: rows either written out in the statement (literals and {@code ?}, no query needed) or
 * produced by a compiled source query (INSERT ... SELECT, expressions), converted to engine values
 * and handed to {@link TableData#insert} in batches. Each batch is atomic; a failure in a later
 * batch leaves earlier batches in place.
 */
final class InsertPlan implements StatementPlan {
  private static final int BATCH = 10_000;

  private final DstTable table;
  private final List<Object[]> templates;
  private final CompiledQuery source;
  private final List<Integer> parameterTypes;

  InsertPlan(DstTable table, List<Object[]> templates, CompiledQuery source, List<Integer> parameterTypes) {
    this.table = table;
    this.templates = templates;
    this.source = source;
    this.parameterTypes = List.copyOf(parameterTypes);
  }

  @Override
  public List<Integer> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return List.of();
  }

  @Override
  public List<StatementResult> executeBatch(List<List<Object>> parameterLists, AtomicBoolean cancelFlag) {
    if (templates == null) {
      return StatementPlan.super.executeBatch(parameterLists, cancelFlag);
    }
    // One engine call for the whole batch: atomic, and far cheaper than one call per row.
    List<Object[]> rows = new ArrayList<>(templates.size() * parameterLists.size());
    for (List<Object> parameters : parameterLists) {
      resolve(parameters, rows);
    }
    table.data().insert(rows);
    StatementResult each = new StatementResult.UpdateCount(templates.size());
    return java.util.Collections.nCopies(parameterLists.size(), each);
  }

  private void resolve(List<Object> parameters, List<Object[]> into) {
    TableSchema schema = table.schema();
    for (Object[] template : templates) {
      Object[] row = new Object[template.length];
      for (int c = 0; c < row.length; c++) {
        row[c] = RowValues.resolve(template[c], c, schema, parameters);
      }
      into.add(row);
    }
  }

  @Override
  public StatementResult execute(List<Object> parameters, AtomicBoolean cancelFlag) {
    TableData data = table.data();
    TableSchema schema = table.schema();
    if (templates != null) {
      List<Object[]> rows = new ArrayList<>(templates.size());
      resolve(parameters, rows);
      return new StatementResult.UpdateCount(data.insert(rows));
    }
    long count = 0;
    List<Object[]> batch = new ArrayList<>();
    try (Enumerator<?> rows = source.run(parameters, cancelFlag).enumerator()) {
      while (rows.moveNext()) {
        Object current = rows.current();
        Object[] internal = current instanceof Object[] a ? a : new Object[] {current};
        Object[] row = new Object[schema.columnCount()];
        for (int c = 0; c < row.length; c++) {
          row[c] = RowValues.toEngine(internal[c], c, schema);
        }
        batch.add(row);
        if (batch.size() == BATCH) {
          count += data.insert(batch);
          batch = new ArrayList<>();
        }
      }
    }
    if (!batch.isEmpty()) {
      count += data.insert(batch);
    }
    return new StatementResult.UpdateCount(count);
  }
}
