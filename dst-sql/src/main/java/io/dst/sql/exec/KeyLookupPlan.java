package io.dst.sql.exec;

import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import io.dst.sql.rel.ParamRef;
import io.dst.sql.schema.DstTable;
import io.dst.sql.schema.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The primary-key point lookup ({@code SELECT cols FROM t WHERE pk = ?}) without Calcite at run
 * time: one {@link TableData#get} and a projection, as Ignite 3's key-value plans do. Planning skips
 * the optimizer too; the statement is only validated and converted.
 */
public final class KeyLookupPlan implements StatementPlan {
  private final DstTable table;
  private final Object key;
  private final int[] projection;
  private final List<ResultColumn> columns;
  private final List<Integer> parameterTypes;
  private final Function<Object, Object>[] converters;

  @SuppressWarnings("unchecked")
  public KeyLookupPlan(DstTable table, Object key, int[] projection, RelDataType rowType,
      List<String> tableNames, List<Integer> parameterTypes) {
    this.table = table;
    this.key = key;
    this.projection = projection;
    this.columns = SqlTypes.columns(rowType, tableNames);
    this.parameterTypes = List.copyOf(parameterTypes);
    this.converters = new Function[projection.length];
    for (int i = 0; i < projection.length; i++) {
      converters[i] = SqlTypes.toExternal(rowType.getFieldList().get(i).getType());
    }
  }

  @Override
  public List<Integer> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return columns;
  }

  @Override
  public StatementResult execute(List<Object> parameters, AtomicBoolean cancelFlag) {
    int pk = table.schema().primaryKeyIndex();
    Object value = key;
    if (key instanceof ParamRef ref) {
      value = ref.index() < parameters.size() ? parameters.get(ref.index()) : null;
      value = Values.toEngine(value, table.schema().columns().get(pk).type(),
          "parameter " + (ref.index() + 1) + " (compared with column " + table.schema().columns().get(pk).name() + ")");
    }
    List<Object[]> rows = new ArrayList<>(1);
    if (value != null) {
      Optional<Object[]> row = table.data().get(value);
      if (row.isPresent()) {
        Object[] full = row.get();
        Object[] out = new Object[projection.length];
        for (int i = 0; i < projection.length; i++) {
          Object v = full[projection[i]];
          out[i] = v == null ? null : converters[i].apply(v);
        }
        rows.add(out);
      }
    }
    return new StatementResult.Rows(columns, RowCursor.of(rows));
  }
}
