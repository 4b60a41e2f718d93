package io.dst.sql.schema;

import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view created with CREATE VIEW: its SQL text and the row type it had when created. Queries expand
 * it through the session planner (same casing rules as any statement), not through Calcite's
 * connection-based view macro.
 */
public final class DstViewTable extends AbstractTable implements TranslatableTable {
  private final String name;
  private final String sql;
  private final RelDataType rowType;

  public DstViewTable(String name, String sql, RelDataType rowType) {
    this.name = name;
    this.sql = sql;
    this.rowType = rowType;
  }

  public String name() {
    return name;
  }

  public String sql() {
    return sql;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return typeFactory.copyType(rowType);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return context.expandView(relOptTable.getRowType(), sql, List.of(), List.of(name)).rel;
  }
}
