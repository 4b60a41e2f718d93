package io.dst.sql.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;

/** The DDL statements Dst understands, as {@link DdlParser} reads them. Names are already case-folded. */
public sealed interface DdlStatement {

  /** One column of CREATE TABLE: the SQL type as Calcite parsed it, and its constraints. */
  record ColumnSpec(String name, SqlDataTypeSpec type, boolean notNull, int line, int column) {}

  record CreateTable(String name, boolean ifNotExists, List<ColumnSpec> columns, List<String> primaryKey)
      implements DdlStatement {}

  record CreateIndex(String name, String table, boolean ifNotExists, List<String> columns)
      implements DdlStatement {}

  record CreateView(String name, boolean replace, List<String> columns, String query) implements DdlStatement {}

  record DropTable(String name, boolean ifExists) implements DdlStatement {}

  record DropView(String name, boolean ifExists) implements DdlStatement {}
}
