package io.dst.sql.exec;

import io.dst.sql.schema.DstSchema;
import java.util.EnumSet;
import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The fixed configuration every statement of one database is planned with: the schema, the type
 * factory, and the parser and validator settings. Unquoted identifiers are folded to lower case and
 * matched case-insensitively, so {@code SELECT * FROM TASK_TABLE} finds Dst's {@code task_table}.
 */
public final class PlannerEnvironment {
  private final DstSchema schema;
  private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(DstTypeSystem.INSTANCE);
  private final SchemaPlus rootSchema;
  private final CalciteConnectionConfig connectionConfig;
  private final SqlOperatorTable operatorTable;

  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(DstConformance.INSTANCE);

  public PlannerEnvironment(DstSchema schema) {
    this.schema = schema;
    this.rootSchema = CalciteSchema.createRootSchema(false, false, "", schema).plus();
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    props.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.TO_LOWER.name());
    props.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
    this.connectionConfig = new CalciteConnectionConfigImpl(props);
    this.operatorTable = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
            EnumSet.of(SqlLibrary.POSTGRESQL)));
  }

  public DstSchema schema() {
    return schema;
  }

  public JavaTypeFactory typeFactory() {
    return typeFactory;
  }

  public SchemaPlus rootSchema() {
    return rootSchema;
  }

  public SqlOperatorTable operatorTable() {
    return operatorTable;
  }

  public CalciteCatalogReader newCatalogReader() {
    return new CalciteCatalogReader(CalciteSchema.from(rootSchema), java.util.List.of(), typeFactory,
        connectionConfig);
  }

  public SqlValidator.Config validatorConfig() {
    return SqlValidator.Config.DEFAULT
        .withConformance(DstConformance.INSTANCE)
        .withIdentifierExpansion(true)
        .withDefaultNullCollation(NullCollation.HIGH);
  }

}
