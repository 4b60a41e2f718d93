package io.dst.jdbc.meta;

import io.dst.engine.schema.Column;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.jdbc.DstDriver;
import io.dst.jdbc.driver.DstConnection;
import io.dst.jdbc.driver.SqlErrors;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Describes a Dst database to tools: no catalogs and no schemas (tables are named unqualified, as
 * the SQL layer resolves them), one table type ({@code TABLE}), each table's columns, primary key and
 * hash indexes, and the types Dst stores. Names match case-insensitively; Dst stores them lower-case.
 */
public final class DstDatabaseMetaData implements DatabaseMetaData {
  /** TABLE_SCHEM of every table: Dst tables are not in a named schema. */
  public static final String SCHEMA = null;
  public static final String TABLE_TYPE = "TABLE";
  public static final String PRODUCT_NAME = "Dst";

  private final DstConnection connection;

  public DstDatabaseMetaData(DstConnection connection) {
    this.connection = connection;
  }

  private List<TableSchema> tables(String catalog, String schemaPattern, String tablePattern) throws SQLException {
    if (!catalogMatches(catalog) || !schemaMatches(schemaPattern)) {
      return List.of();
    }
    NamePattern names = NamePattern.of(tablePattern);
    try {
      return connection.database().store().tables().stream()
          .filter(t -> names.matches(t.name()))
          .sorted(Comparator.comparing(TableSchema::name))
          .toList();
    } catch (RuntimeException e) {
      throw SqlErrors.from(e);
    }
  }

  private List<TableSchema> table(String catalog, String schema, String table) throws SQLException {
    if (!catalogMatches(catalog) || !schemaMatches(schema)) {
      return List.of();
    }
    return tables(catalog, null, null).stream().filter(t -> NamePattern.sameName(table, t.name())).toList();
  }

  /** No catalogs: null (do not filter) and "" (objects without a catalog) both match. */
  private static boolean catalogMatches(String catalog) {
    return catalog == null || catalog.isEmpty();
  }

  /** No schemas: a schema pattern selects the tables when it matches the empty name (null, "", "%"). */
  private static boolean schemaMatches(String schemaPattern) {
    return NamePattern.of(schemaPattern).matches("");
  }

  // ---- catalogs, schemas, table types, tables --------------------------------------------------

  @Override
  public ResultSet getCatalogs() {
    return MetaTable.of("TABLE_CAT").toResultSet();
  }

  @Override
  public ResultSet getSchemas() {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) {
    return MetaTable.of("TABLE_SCHEM", "TABLE_CATALOG").toResultSet();
  }

  @Override
  public ResultSet getTableTypes() {
    return MetaTable.of("TABLE_TYPE").row(TABLE_TYPE).toResultSet();
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    MetaTable t = MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
        "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
    if (types != null && List.of(types).stream().noneMatch(TABLE_TYPE::equalsIgnoreCase)) {
      return t.toResultSet();
    }
    for (TableSchema table : tables(catalog, schemaPattern, tableNamePattern)) {
      t.row(null, SCHEMA, table.name(), TABLE_TYPE, "", null, null, null, null, null);
    }
    return t.toResultSet();
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    MetaTable t = MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:int",
        "TYPE_NAME", "COLUMN_SIZE:int", "BUFFER_LENGTH:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int",
        "NULLABLE:int", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
        "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
        "SCOPE_TABLE", "SOURCE_DATA_TYPE:short", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
    NamePattern columns = NamePattern.of(columnNamePattern);
    for (TableSchema table : tables(catalog, schemaPattern, tableNamePattern)) {
      for (int i = 0; i < table.columns().size(); i++) {
        Column c = table.columns().get(i);
        if (!columns.matches(c.name())) {
          continue;
        }
        JdbcTypes.Info type = JdbcTypes.forColumnType(c.type());
        boolean sized = type.sqlType() == Types.VARCHAR || type.sqlType() == Types.VARBINARY;
        t.row(null, SCHEMA, table.name(), c.name(), type.sqlType(), type.typeName(), type.precision(), null,
            decimalDigits(type), type.numeric() ? 10 : null,
            c.nullable() ? columnNullable : columnNoNulls, "", null, null, null,
            sized ? type.precision() : null, i + 1, c.nullable() ? "YES" : "NO", null, null, null, null,
            "NO", "NO");
      }
    }
    return t.toResultSet();
  }

  /** DECIMAL_DIGITS: the fractional digits of exact numbers and timestamps, null where it has no meaning. */
  private static Integer decimalDigits(JdbcTypes.Info type) {
    return switch (type.sqlType()) {
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DECIMAL, Types.TIMESTAMP -> type.scale();
      default -> null;
    };
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    MetaTable t = MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:short", "PK_NAME");
    for (TableSchema s : table(catalog, schema, table)) {
      if (s.hasPrimaryKey()) {
        t.row(null, SCHEMA, s.name(), s.columns().get(s.primaryKeyIndex()).name(), 1, primaryKeyName(s));
      }
    }
    return t.toResultSet();
  }

  static String primaryKeyName(TableSchema table) {
    return table.name() + "_pk";
  }

  /**
   * The primary key's hash index (unique) and each secondary hash index: {@code [i]} columns and
   * indexes added later, named {@code TABLE_COLUMN[_COLUMN...]_idx}. Hash indexes have no sort order.
   */
  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    MetaTable t = MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:bool", "INDEX_QUALIFIER",
        "INDEX_NAME", "TYPE:short", "ORDINAL_POSITION:short", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY:long",
        "PAGES:long", "FILTER_CONDITION");
    for (TableSchema s : table(catalog, schema, table)) {
      if (s.hasPrimaryKey()) {
        t.row(null, SCHEMA, s.name(), false, null, primaryKeyName(s), tableIndexHashed, 1,
            s.columns().get(s.primaryKeyIndex()).name(), null, null, null, null);
      }
      if (unique) {
        continue;
      }
      List<List<String>> secondary = new ArrayList<>();
      for (Column c : s.columns()) {
        if (c.indexed() && !c.primaryKey()) {
          secondary.add(List.of(c.name()));
        }
      }
      secondary.addAll(s.extraIndexes());
      secondary.stream().distinct().sorted(Comparator.comparing(cols -> indexName(s, cols))).forEach(cols -> {
        for (int i = 0; i < cols.size(); i++) {
          t.row(null, SCHEMA, s.name(), true, null, indexName(s, cols), tableIndexHashed, i + 1, cols.get(i),
              null, null, null, null);
        }
      });
    }
    return t.toResultSet();
  }

  static String indexName(TableSchema table, List<String> columns) {
    return table.name() + "_" + String.join("_", columns) + "_idx";
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    MetaTable t = MetaTable.of("SCOPE:short", "COLUMN_NAME", "DATA_TYPE:int", "TYPE_NAME", "COLUMN_SIZE:int",
        "BUFFER_LENGTH:int", "DECIMAL_DIGITS:short", "PSEUDO_COLUMN:short");
    for (TableSchema s : table(catalog, schema, table)) {
      if (s.hasPrimaryKey()) {
        Column pk = s.columns().get(s.primaryKeyIndex());
        JdbcTypes.Info type = JdbcTypes.forColumnType(pk.type());
        Integer digits = decimalDigits(type);
        t.row(bestRowSession, pk.name(), type.sqlType(), type.typeName(), type.precision(), null,
            digits, bestRowNotPseudo);
      }
    }
    return t.toResultSet();
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) {
    return MetaTable.of("SCOPE:short", "COLUMN_NAME", "DATA_TYPE:int", "TYPE_NAME", "COLUMN_SIZE:int",
        "BUFFER_LENGTH:int", "DECIMAL_DIGITS:short", "PSEUDO_COLUMN:short").toResultSet();
  }

  // ---- keys between tables: Dst has none ---------------------------------------------------------

  private static ResultSet noKeys() {
    return MetaTable.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
        "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:short", "UPDATE_RULE:short",
        "DELETE_RULE:short", "FK_NAME", "PK_NAME", "DEFERRABILITY:short").toResultSet();
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) {
    return noKeys();
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) {
    return noKeys();
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) {
    return noKeys();
  }

  // ---- types ---------------------------------------------------------------------------------------

  @Override
  public ResultSet getTypeInfo() {
    MetaTable t = MetaTable.of("TYPE_NAME", "DATA_TYPE:int", "PRECISION:int", "LITERAL_PREFIX", "LITERAL_SUFFIX",
        "CREATE_PARAMS", "NULLABLE:short", "CASE_SENSITIVE:bool", "SEARCHABLE:short", "UNSIGNED_ATTRIBUTE:bool",
        "FIXED_PREC_SCALE:bool", "AUTO_INCREMENT:bool", "LOCAL_TYPE_NAME", "MINIMUM_SCALE:short",
        "MAXIMUM_SCALE:short", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int", "NUM_PREC_RADIX:int");
    List<JdbcTypes.Info> types = new ArrayList<>();
    for (ScalarType s : ScalarType.values()) {
      types.add(JdbcTypes.forScalar(s));
    }
    types.sort(Comparator.comparingInt(JdbcTypes.Info::sqlType));
    for (JdbcTypes.Info type : types) {
      boolean text = type.sqlType() == Types.VARCHAR;
      String prefix = text ? "'" : type.sqlType() == Types.TIMESTAMP ? "TIMESTAMP '"
          : type.sqlType() == Types.VARBINARY ? "X'" : null;
      t.row(type.typeName(), type.sqlType(), type.precision(), prefix, prefix == null ? null : "'", null,
          typeNullable, text, type.sqlType() == Types.VARBINARY ? typePredBasic : typeSearchable,
          !type.numeric(), false, false, type.typeName(), 0, type.scale(), null, null,
          type.numeric() ? 10 : null);
    }
    t.row("ARRAY", Types.ARRAY, JdbcTypes.UNBOUNDED, null, null, null, typeNullable, false, typePredNone, true,
        false, false, "ARRAY", 0, 0, null, null, null);
    return t.toResultSet();
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
    return MetaTable.of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:int", "REMARKS",
        "BASE_TYPE:short").toResultSet();
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
    return MetaTable.of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM",
        "SUPERTYPE_NAME").toResultSet();
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
    return MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME").toResultSet();
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) {
    return MetaTable.of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE:int", "ATTR_TYPE_NAME",
        "ATTR_SIZE:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int", "NULLABLE:int", "REMARKS", "ATTR_DEF",
        "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int",
        "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:short").toResultSet();
  }

  // ---- routines, privileges, pseudo columns: Dst has none ------------------------------------------

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
    return MetaTable.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2",
        "RESERVED3", "REMARKS", "PROCEDURE_TYPE:short", "SPECIFIC_NAME").toResultSet();
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) {
    return MetaTable.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE:short",
        "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int", "LENGTH:int", "SCALE:short", "RADIX:short",
        "NULLABLE:short", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
        "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SPECIFIC_NAME").toResultSet();
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
    return MetaTable.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE:short",
        "SPECIFIC_NAME").toResultSet();
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) {
    return MetaTable.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE:short",
        "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int", "LENGTH:int", "SCALE:short", "RADIX:short",
        "NULLABLE:short", "REMARKS", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE",
        "SPECIFIC_NAME").toResultSet();
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) {
    return MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE",
        "PRIVILEGE", "IS_GRANTABLE").toResultSet();
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
    return MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
        "IS_GRANTABLE").toResultSet();
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) {
    return MetaTable.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:int",
        "COLUMN_SIZE:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int", "COLUMN_USAGE", "REMARKS",
        "CHAR_OCTET_LENGTH:int", "IS_NULLABLE").toResultSet();
  }

  @Override
  public ResultSet getClientInfoProperties() {
    MetaTable t = MetaTable.of("NAME", "MAX_LEN:int", "DEFAULT_VALUE", "DESCRIPTION");
    for (String name : DstConnection.CLIENT_INFO_NAMES) {
      t.row(name, 256, null, "kept by the connection for the application's own use");
    }
    return t.toResultSet();
  }

  // ---- the product ---------------------------------------------------------------------------------

  @Override
  public String getDatabaseProductName() {
    return PRODUCT_NAME;
  }

  @Override
  public String getDatabaseProductVersion() {
    return DstDriver.VERSION;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return DstDriver.MAJOR_VERSION;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return DstDriver.MINOR_VERSION;
  }

  @Override
  public String getDriverName() {
    return DstDriver.NAME;
  }

  @Override
  public String getDriverVersion() {
    return DstDriver.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return DstDriver.MAJOR_VERSION;
  }

  @Override
  public int getDriverMinorVersion() {
    return DstDriver.MINOR_VERSION;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 2;
  }

  @Override
  public String getURL() {
    return connection.url();
  }

  @Override
  public String getUserName() {
    String user = connection.settings().user();
    return user == null ? "" : user;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  // ---- identifiers -----------------------------------------------------------------------------------

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public boolean isCatalogAtStart() {
    return true;
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  // ---- SQL keywords and functions (Calcite's) ------------------------------------------------------

  @Override
  public String getSQLKeywords() {
    return "LIMIT,OFFSET,FETCH,NEXT,ONLY,ARRAY,MULTISET,TABLESAMPLE";
  }

  @Override
  public String getNumericFunctions() {
    return "ABS,ACOS,ASIN,ATAN,ATAN2,CEILING,COS,COT,DEGREES,EXP,FLOOR,LOG,LOG10,MOD,PI,POWER,RADIANS,RAND,"
        + "ROUND,SIGN,SIN,SQRT,TAN,TRUNCATE";
  }

  @Override
  public String getStringFunctions() {
    return "ASCII,CHAR,CONCAT,INSERT,LCASE,LEFT,LENGTH,LOCATE,LTRIM,REPEAT,REPLACE,RIGHT,RTRIM,SPACE,SUBSTRING,"
        + "UCASE";
  }

  @Override
  public String getSystemFunctions() {
    return "IFNULL,USER";
  }

  @Override
  public String getTimeDateFunctions() {
    return "CURDATE,CURTIME,DAYNAME,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,MINUTE,MONTH,MONTHNAME,NOW,QUARTER,"
        + "SECOND,TIMESTAMPADD,TIMESTAMPDIFF,WEEK,YEAR";
  }

  // ---- what works ------------------------------------------------------------------------------------

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() {
    return true;
  }

  @Override
  public boolean nullsAreSortedHigh() {
    return true;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() {
    return false;
  }

  @Override
  public boolean usesLocalFiles() {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() {
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean supportsConvert() {
    return false;
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) {
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return false;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return true;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() {
    return false;
  }

  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() {
    return true;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsUnion() {
    return true;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() {
    return true;
  }

  @Override
  public int getMaxBinaryLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 0;
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 0;
  }

  @Override
  public int getMaxIndexLength() {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() {
    return 0;
  }

  @Override
  public int getMaxRowSize() {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() {
    return true;
  }

  @Override
  public int getMaxStatementLength() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() {
    return 0;
  }

  // ---- transactions: none; every statement applies on its own ---------------------------------------

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsTransactions() {
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override
  public boolean supportsSavepoints() {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  // ---- result sets and statements ------------------------------------------------------------------

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  /** False: Dst has no generated columns (getGeneratedKeys answers with an empty result). */
  @Override
  public boolean supportsGetGeneratedKeys() {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public long getMaxLogicalLobSize() {
    return 0;
  }

  @Override
  public boolean supportsRefCursors() {
    return false;
  }

  @Override
  public boolean supportsSharding() {
    return false;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
