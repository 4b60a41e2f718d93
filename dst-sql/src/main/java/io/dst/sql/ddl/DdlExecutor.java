package io.dst.sql.ddl;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.StatementResult;
import io.dst.sql.exec.SqlPlanner;
import io.dst.sql.schema.DstSchema;
import io.dst.sql.schema.DstTypes;
import io.dst.sql.schema.DstViewTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Runs DDL against the store (tables, indexes) and the schema (views), then invalidates the catalog
 * so cached plans are re-planned. SQL types map to the nearest Dst type; a primary key is one column.
 */
public final class DdlExecutor {
  private static final StatementResult OK = new StatementResult.Message("ok");

  private final DstSchema schema;

  public DdlExecutor(DstSchema schema) {
    this.schema = schema;
  }

  public StatementResult execute(DdlStatement statement, SqlPlanner planner) {
    try {
      if (statement instanceof DdlStatement.CreateTable create) {
        return createTable(create, planner);
      }
      if (statement instanceof DdlStatement.CreateIndex index) {
        return createIndex(index);
      }
      if (statement instanceof DdlStatement.CreateView view) {
        return createView(view, planner);
      }
      if (statement instanceof DdlStatement.DropTable drop) {
        if (schema.view(drop.name()) != null) {
          throw new DstException(ErrorCode.WRONG_TYPE, drop.name() + " is a view; use DROP VIEW");
        }
        schema.store().dropTable(drop.name(), drop.ifExists());
        return OK;
      }
      DdlStatement.DropView drop = (DdlStatement.DropView) statement;
      if (!schema.removeView(drop.name()) && !drop.ifExists()) {
        throw new DstException(ErrorCode.UNKNOWN_TABLE, "view " + drop.name() + " does not exist");
      }
      return OK;
    } finally {
      schema.invalidate();
    }
  }

  private StatementResult createTable(DdlStatement.CreateTable create, SqlPlanner planner) {
    String name = create.name();
    if (create.primaryKey().size() > 1) {
      throw new DstException(ErrorCode.UNSUPPORTED, "table " + name
          + ": a Dst primary key is a single column, not " + create.primaryKey());
    }
    String primaryKey = create.primaryKey().isEmpty() ? null : create.primaryKey().get(0);
    SqlValidator validator = planner.newValidator();
    List<Column> columns = new ArrayList<>();
    for (DdlStatement.ColumnSpec spec : create.columns()) {
      RelDataType type;
      try {
        type = spec.type().deriveType(validator);
      } catch (RuntimeException e) {
        throw new DstException(ErrorCode.SYNTAX, "line " + spec.line() + ", column " + spec.column()
            + ": column " + spec.name() + " has an unknown type " + spec.type().getTypeName().getSimple().toLowerCase(java.util.Locale.ROOT), e);
      }
      boolean pk = spec.name().equalsIgnoreCase(String.valueOf(primaryKey));
      try {
        columns.add(new Column(spec.name(), DstTypes.columnType(type), pk, false, !pk && !spec.notNull()));
      } catch (DstException e) {
        throw new DstException(e.code(), "line " + spec.line() + ", column " + spec.column() + ": column "
            + spec.name() + ": " + e.getMessage(), e);
      }
    }
    if (primaryKey != null && columns.stream().noneMatch(Column::primaryKey)) {
      throw new DstException(ErrorCode.UNKNOWN_COLUMN,
          "PRIMARY KEY names column " + primaryKey + ", which table " + name + " does not have");
    }
    if (schema.view(name) != null) {
      throw new DstException(ErrorCode.TABLE_EXISTS, "a view named " + name + " already exists");
    }
    schema.store().createTable(new TableSchema(name, columns), create.ifNotExists());
    return OK;
  }

  private StatementResult createIndex(DdlStatement.CreateIndex index) {
    TableSchema table = schema.store().table(index.table()).map(TableData::schema).orElseThrow(() ->
        new DstException(ErrorCode.UNKNOWN_TABLE, "unknown table " + index.table()));
    List<String> columns = new ArrayList<>();
    for (String column : index.columns()) {
      columns.add(table.columns().get(table.requireColumn(column)).name());
    }
    schema.store().createIndex(table.name(), index.name(), columns);
    return OK;
  }

  private StatementResult createView(DdlStatement.CreateView view, SqlPlanner planner) {
    String name = view.name();
    if (schema.table(name) != null) {
      throw new DstException(ErrorCode.TABLE_EXISTS, "a table named " + name + " already exists");
    }
    if (schema.view(name) != null && !view.replace()) {
      throw new DstException(ErrorCode.TABLE_EXISTS, "view " + name + " already exists");
    }
    String sql = view.query();
    RelDataType rowType = planner.convert(SqlPlanner.parse(sql)).root().validatedRowType;
    if (view.columns() != null) {
      if (view.columns().size() != rowType.getFieldCount()) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, "view " + name + " names "
            + view.columns().size() + " columns but its query returns " + rowType.getFieldCount());
      }
      StringBuilder wrapped = new StringBuilder("SELECT ");
      for (int i = 0; i < rowType.getFieldCount(); i++) {
        wrapped.append(i == 0 ? "" : ", ").append('"').append(rowType.getFieldList().get(i).getName())
            .append("\" AS \"").append(view.columns().get(i)).append('"');
      }
      sql = wrapped.append(" FROM (").append(sql).append(")").toString();
      rowType = new SqlPlanner(planner.env()).convert(SqlPlanner.parse(sql)).root().validatedRowType;
    }
    schema.putView(new DstViewTable(name, sql, rowType));
    return OK;
  }
}
