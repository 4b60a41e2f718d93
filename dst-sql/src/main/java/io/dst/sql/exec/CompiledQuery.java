package io.dst.sql.exec;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.RowCursor;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Bindable;

/**
 * A query planned and compiled to Java by Calcite: binding it to a {@link DstDataContext} with the
 * parameter values gives the rows, which are converted to the classes {@link ResultColumn} promises.
 */
public final class CompiledQuery implements StatementPlan {
  private final Bindable<?> bindable;
  private final Map<String, Object> stashed;
  private final PlannerEnvironment env;
  private final List<RelDataType> parameterTypes;
  private final List<ResultColumn> columns;
  private final Function<Object, Object>[] converters;
  private final String explain;

  @SuppressWarnings("unchecked")
  public CompiledQuery(Bindable<?> bindable, Map<String, Object> stashed, PlannerEnvironment env,
      List<RelDataType> parameterTypes, RelDataType rowType, List<String> tableNames, String explain) {
    this.bindable = bindable;
    this.stashed = Map.copyOf(stashed);
    this.env = env;
    this.parameterTypes = List.copyOf(parameterTypes);
    this.columns = SqlTypes.columns(rowType, tableNames);
    List<RelDataTypeField> fields = rowType.getFieldList();
    this.converters = new Function[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      converters[i] = SqlTypes.toExternal(fields.get(i).getType());
    }
    this.explain = explain;
  }

  /** The optimized plan as EXPLAIN prints it. */
  public String explain() {
    return explain;
  }

  @Override
  public List<Integer> parameterTypes() {
    List<Integer> types = new ArrayList<>(parameterTypes.size());
    for (RelDataType t : parameterTypes) {
      types.add(SqlTypes.jdbcType(t.getSqlTypeName()));
    }
    return types;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return columns;
  }

  /** Converts user parameter values to the internal values generated code expects. */
  public List<Object> internalParameters(List<Object> parameters) {
    if (parameters.size() < parameterTypes.size()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "the statement has " + parameterTypes.size()
          + " parameters but " + parameters.size() + " values were given");
    }
    List<Object> internal = new ArrayList<>(parameterTypes.size());
    for (int i = 0; i < parameterTypes.size(); i++) {
      internal.add(SqlTypes.parameterToInternal(parameters.get(i), parameterTypes.get(i), i));
    }
    return internal;
  }

  /** Runs the plan and returns rows in Calcite's internal form (for DML sources). */
  public Enumerable<?> run(List<Object> parameters, AtomicBoolean cancelFlag) {
    DstDataContext context = new DstDataContext(env.rootSchema(), env.typeFactory(), stashed,
        internalParameters(parameters), cancelFlag);
    return bindable.bind(context);
  }

  @Override
  public StatementResult execute(List<Object> parameters, AtomicBoolean cancelFlag) {
    Enumerator<?> enumerator = run(parameters, cancelFlag).enumerator();
    return new StatementResult.Rows(columns, new ConvertingCursor(enumerator, converters));
  }

  /** Reads Calcite's enumerator one row ahead and converts each value for JDBC. */
  private static final class ConvertingCursor implements RowCursor {
    private final Enumerator<?> enumerator;
    private final Function<Object, Object>[] converters;
    private Boolean ready;

    ConvertingCursor(Enumerator<?> enumerator, Function<Object, Object>[] converters) {
      this.enumerator = enumerator;
      this.converters = converters;
    }

    @Override
    public boolean hasNext() {
      if (ready == null) {
        try {
          ready = enumerator.moveNext();
        } catch (RuntimeException | Error e) {
          throw SqlErrors.translate(e, null);
        }
      }
      return ready;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      ready = null;
      Object current;
      try {
        // generated code computes projections lazily, so run-time errors surface here
        current = enumerator.current();
      } catch (RuntimeException | Error e) {
        throw SqlErrors.translate(e, null);
      }
      Object[] row = current instanceof Object[] array ? array.clone() : new Object[] {current};
      for (int i = 0; i < row.length && i < converters.length; i++) {
        if (row[i] != null) {
          row[i] = converters[i].apply(row[i]);
        }
      }
      return row;
    }

    @Override
    public void close() {
      enumerator.close();
    }
  }
}
