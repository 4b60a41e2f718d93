package io.dst.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * Result column labels users see for unaliased function calls: the function's name in lower case, as
 * PostgreSQL does ({@code select count(*) from t} gives {@code count}), instead of Calcite's internal
 * {@code EXPR$0}. Other unaliased expressions ({@code a + 1}) keep Calcite's name.
 */
final class ResultLabels {
  private ResultLabels() {}

  /** {@code rowType} with function-call columns renamed; the same object when nothing changes. */
  static RelDataType apply(SqlNode validated, RelDataType rowType, RelDataTypeFactory typeFactory) {
    SqlNode query = validated instanceof SqlOrderBy orderBy ? orderBy.query : validated;
    if (!(query instanceof SqlSelect select)) {
      return rowType;
    }
    SqlNodeList items = select.getSelectList();
    List<RelDataTypeField> fields = rowType.getFieldList();
    if (items == null || items.size() != fields.size()) {
      return rowType;
    }
    List<String> names = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).getName();
      if (name.startsWith("EXPR$") && items.get(i) instanceof SqlCall call
          && call.getOperator() instanceof SqlFunction function) {
        name = function.getName().toLowerCase(Locale.ROOT);
        changed = true;
      }
      names.add(name);
    }
    if (!changed) {
      return rowType;
    }
    List<RelDataType> types = new ArrayList<>();
    for (RelDataTypeField f : fields) {
      types.add(f.getType());
    }
    return typeFactory.createStructType(types, names);
  }
}
