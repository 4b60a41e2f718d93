package io.dst.jdbc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.jdbc.TestFiles;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseMetaDataTest {
  Connection connection;
  DatabaseMetaData meta;

  @BeforeEach
  void createTables() throws SQLException {
    connection = DriverManager.getConnection("jdbc:dst:mem:", "ann", "secret");
    connection.createStatement().execute("table.create task_table driver_table from " + TestFiles.SCHEMA_FILE);
    meta = connection.getMetaData();
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void tablesAreListedWithoutCatalogOrSchema() throws SQLException {
    List<Map<String, Object>> tables = rows(meta.getTables(null, null, "%", new String[] {"TABLE"}));
    assertThat(tables).extracting(r -> r.get("TABLE_NAME")).containsExactly("driver_table", "task_table");
    assertThat(tables).allSatisfy(r -> {
      assertThat(r.get("TABLE_TYPE")).isEqualTo("TABLE");
      assertThat(r.get("TABLE_CAT")).isNull();
      assertThat(r.get("TABLE_SCHEM")).isNull();
    });
    assertThat(rows(meta.getTables(null, null, "TASK%", null))).hasSize(1);
    assertThat(rows(meta.getTables(null, "other_schema", "%", null))).isEmpty();
    assertThat(rows(meta.getTables(null, null, "%", new String[] {"VIEW"}))).isEmpty();
    assertThat(rows(meta.getCatalogs())).isEmpty();
    assertThat(rows(meta.getSchemas())).isEmpty();
    assertThat(rows(meta.getTableTypes())).extracting(r -> r.get("TABLE_TYPE")).containsExactly("TABLE");
  }

  @Test
  void columnsReportJdbcTypesSizesAndNullability() throws SQLException {
    List<Map<String, Object>> columns = rows(meta.getColumns(null, null, "task_table", "%"));
    assertThat(columns).extracting(r -> r.get("COLUMN_NAME"))
        .containsExactly("task_id", "driver_id", "task_name", "return_num", "arguments");
    assertThat(columns).extracting(r -> r.get("ORDINAL_POSITION")).containsExactly(1, 2, 3, 4, 5);
    Map<String, Object> taskId = columns.get(0);
    assertThat(taskId.get("DATA_TYPE")).isEqualTo(Types.VARCHAR);
    assertThat(taskId.get("TYPE_NAME")).isEqualTo("VARCHAR");
    assertThat(taskId.get("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
    assertThat(taskId.get("IS_NULLABLE")).isEqualTo("NO");
    assertThat(taskId.get("DECIMAL_DIGITS")).isNull();
    Map<String, Object> returnNum = columns.get(3);
    assertThat(returnNum.get("DATA_TYPE")).isEqualTo(Types.INTEGER);
    assertThat(returnNum.get("COLUMN_SIZE")).isEqualTo(10);
    assertThat(returnNum.get("DECIMAL_DIGITS")).isEqualTo(0);
    assertThat(returnNum.get("NUM_PREC_RADIX")).isEqualTo(10);
    assertThat(returnNum.get("IS_NULLABLE")).isEqualTo("YES");
    assertThat(returnNum.get("IS_AUTOINCREMENT")).isEqualTo("NO");
    assertThat(columns.get(4).get("DATA_TYPE")).isEqualTo(Types.ARRAY);
    assertThat(columns.get(4).get("TYPE_NAME")).isEqualTo("VARCHAR ARRAY");
    assertThat(rows(meta.getColumns(null, null, "%", "driver_id"))).hasSize(2);
  }

  @Test
  void primaryKeysAndHashIndexesAreReported() throws SQLException {
    assertThat(rows(meta.getPrimaryKeys(null, null, "task_table")))
        .singleElement().satisfies(r -> {
          assertThat(r.get("COLUMN_NAME")).isEqualTo("task_id");
          assertThat(r.get("KEY_SEQ")).isEqualTo((short) 1);
          assertThat(r.get("PK_NAME")).isEqualTo("task_table_pk");
        });
    List<Map<String, Object>> indexes = rows(meta.getIndexInfo(null, null, "task_table", false, true));
    assertThat(indexes).extracting(r -> r.get("INDEX_NAME") + ":" + r.get("COLUMN_NAME") + ":" + r.get("NON_UNIQUE"))
        .containsExactly("task_table_pk:task_id:false", "task_table_driver_id_idx:driver_id:true");
    assertThat(indexes).allSatisfy(r -> assertThat(r.get("TYPE")).isEqualTo(DatabaseMetaData.tableIndexHashed));
    assertThat(rows(meta.getIndexInfo(null, null, "task_table", true, true))).hasSize(1);
  }

  @Test
  void keysBetweenTablesAreEmptyWithTheSpecifiedColumns() throws SQLException {
    for (ResultSet rs : List.of(meta.getImportedKeys(null, null, "task_table"),
        meta.getExportedKeys(null, null, "task_table"),
        meta.getCrossReference(null, null, "driver_table", null, null, "task_table"))) {
      ResultSetMetaData columns = rs.getMetaData();
      assertThat(columns.getColumnCount()).isEqualTo(14);
      assertThat(columns.getColumnLabel(1)).isEqualTo("PKTABLE_CAT");
      assertThat(columns.getColumnLabel(14)).isEqualTo("DEFERRABILITY");
      assertThat(rs.next()).isFalse();
    }
    assertThat(meta.getProcedures(null, null, "%").getMetaData().getColumnCount()).isEqualTo(9);
    assertThat(meta.getFunctions(null, null, "%").next()).isFalse();
  }

  @Test
  void typeInfoListsEveryStoredTypeOrderedByDataType() throws SQLException {
    List<Map<String, Object>> types = rows(meta.getTypeInfo());
    assertThat(types).extracting(r -> r.get("TYPE_NAME"))
        .containsExactly("BIGINT", "VARBINARY", "INTEGER", "DOUBLE", "VARCHAR", "BOOLEAN", "TIMESTAMP", "ARRAY");
    assertThat(types).extracting(r -> (Integer) r.get("DATA_TYPE")).isSorted();
  }

  @Test
  void productDriverAndIdentifierRulesAreStated() throws SQLException {
    assertThat(meta.getDatabaseProductName()).isEqualTo("Dst");
    assertThat(meta.getDriverName()).isEqualTo("Dst JDBC Driver");
    assertThat(meta.getJDBCMajorVersion()).isEqualTo(4);
    assertThat(meta.getJDBCMinorVersion()).isEqualTo(2);
    assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(meta.storesLowerCaseIdentifiers()).isTrue();
    assertThat(meta.storesUpperCaseIdentifiers()).isFalse();
    assertThat(meta.supportsTransactions()).isFalse();
    assertThat(meta.supportsBatchUpdates()).isTrue();
    assertThat(meta.getURL()).isEqualTo("jdbc:dst:mem:");
    assertThat(meta.getUserName()).isEqualTo("ann");
    assertThat(rows(meta.getClientInfoProperties())).extracting(r -> r.get("NAME")).contains("ApplicationName");
  }

  @Test
  void unquotedUpperCaseNamesFromToolsFindTheLowerCaseTables() throws SQLException {
    assertThat(rows(meta.getColumns(null, null, "TASK_TABLE", "RETURN_NUM"))).hasSize(1);
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT RETURN_NUM FROM TASK_TABLE")) {
      assertThat(rs.next()).isFalse();
    }
  }

  static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (rs) {
      ResultSetMetaData m = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          row.put(m.getColumnLabel(i), rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
