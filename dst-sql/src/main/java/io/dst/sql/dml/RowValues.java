package io.dst.sql.dml;

import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.rel.ParamRef;
import io.dst.sql.schema.Values;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the DML plans: resolving value templates and matching one exact row. */
final class RowValues {
  private RowValues() {}

  /** A template value (literal or {@link ParamRef}) as the engine value for column {@code c}. */
  static Object resolve(Object template, int c, TableSchema schema, List<Object> parameters) {
    Column column = schema.columns().get(c);
    Object value = template;
    if (template instanceof ParamRef ref) {
      if (ref.index() >= parameters.size()) {
        throw new io.dst.engine.DstException(io.dst.engine.ErrorCode.INVALID_ARGUMENT,
            "no value given for parameter " + (ref.index() + 1));
      }
      value = parameters.get(ref.index());
    }
    return Values.toEngine(value, column.type(), "column " + column.name());
  }

  /** Internal (Calcite) value of column {@code c} as the engine value. */
  static Object toEngine(Object internal, int c, TableSchema schema) {
    Column column = schema.columns().get(c);
    return Values.toEngine(internal, column.type(), "column " + column.name());
  }

  /** A predicate matching rows equal to {@code row} on every scalar column. */
  static Predicate exactly(Object[] row, TableSchema schema) {
    List<Predicate> terms = new ArrayList<>();
    for (int c = 0; c < schema.columnCount(); c++) {
      if (schema.columns().get(c).type().array()) {
        continue;
      }
      terms.add(row[c] == null ? new Predicate.IsNull(c) : new Predicate.Compare(c, CompareOp.EQ, row[c]));
    }
    return terms.size() == 1 ? terms.get(0) : new Predicate.And(terms);
  }
}
