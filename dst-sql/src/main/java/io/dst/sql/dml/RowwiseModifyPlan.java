package io.dst.sql.dml;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.TableData;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import io.dst.sql.exec.CompiledQuery;
import io.dst.sql.exec.StatementPlan;
import io.dst.sql.rel.RowComparator;
import io.dst.sql.schema.DstTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;

/**
 * UPDATE or DELETE in general: a compiled query yields the affected rows (for UPDATE each full row
 * followed by its new values), then each row is changed by primary key. A table without a primary key
 * has its matching rows deleted by exact value and, for UPDATE, re-inserted with the new values.
 * Changing a primary key value is not supported.
 */
final class RowwiseModifyPlan implements StatementPlan {
  private static final int BATCH = 1000;

  private final DstTable table;
  private final CompiledQuery source;
  private final int[] updateColumns;

  /** {@code updateColumns} null means DELETE. */
  RowwiseModifyPlan(DstTable table, CompiledQuery source, int[] updateColumns) {
    this.table = table;
    this.source = source;
    this.updateColumns = updateColumns;
  }

  @Override
  public List<Integer> parameterTypes() {
    return source.parameterTypes();
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return List.of();
  }

  @Override
  public StatementResult execute(List<Object> parameters, AtomicBoolean cancelFlag) {
    TableData data = table.data();
    TableSchema schema = table.schema();
    int n = schema.columnCount();
    List<Object[]> rows = new ArrayList<>();
    try (Enumerator<?> e = source.run(parameters, cancelFlag).enumerator()) {
      while (e.moveNext()) {
        Object current = e.current();
        Object[] internal = current instanceof Object[] a ? a : new Object[] {current};
        Object[] row = new Object[internal.length];
        for (int i = 0; i < internal.length; i++) {
          int column = i < n ? i : updateColumns[i - n];
          row[i] = RowValues.toEngine(internal[i], column, schema);
        }
        rows.add(row);
      }
    }
    int pk = schema.primaryKeyIndex();
    long count = pk >= 0 ? byKey(data, rows, pk, n) : byValue(data, rows, n);
    return new StatementResult.UpdateCount(count);
  }

  private long byKey(TableData data, List<Object[]> rows, int pk, int n) {
    long count = 0;
    if (updateColumns == null) {
      for (int from = 0; from < rows.size(); from += BATCH) {
        List<Object> keys = new ArrayList<>();
        for (Object[] row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
          keys.add(row[pk]);
        }
        count += data.delete(new Predicate.In(pk, keys));
      }
      return count;
    }
    for (Object[] row : rows) {
      Map<Integer, Object> assignments = new HashMap<>();
      for (int i = 0; i < updateColumns.length; i++) {
        Object value = row[n + i];
        if (updateColumns[i] == pk) {
          if (value == null || RowComparator.compareValues(value, row[pk]) != 0) {
            throw new DstException(ErrorCode.UNSUPPORTED, "changing the primary key "
                + table.schema().columns().get(pk).name() + " of a row is not supported; delete and insert it");
          }
          continue;
        }
        assignments.put(updateColumns[i], value);
      }
      count += data.update(new Predicate.Compare(pk, CompareOp.EQ, row[pk]), assignments);
    }
    return count;
  }

  private long byValue(TableData data, List<Object[]> rows, int n) {
    Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
    for (Object[] row : rows) {
      groups.computeIfAbsent(Arrays.asList(Arrays.copyOf(row, n)), k -> new ArrayList<>()).add(row);
    }
    long count = 0;
    List<Object[]> replacements = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Object[]>> group : groups.entrySet()) {
      Object[] old = group.getKey().toArray();
      count += data.delete(RowValues.exactly(old, table.schema()));
      if (updateColumns != null) {
        for (Object[] row : group.getValue()) {
          Object[] fresh = Arrays.copyOf(row, n);
          for (int i = 0; i < updateColumns.length; i++) {
            fresh[updateColumns[i]] = row[n + i];
          }
          replacements.add(fresh);
        }
      }
    }
    if (!replacements.isEmpty()) {
      data.insert(replacements);
    }
    return updateColumns == null ? count : rows.size();
  }
}
