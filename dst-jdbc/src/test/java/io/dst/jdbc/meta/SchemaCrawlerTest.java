package io.dst.jdbc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.dst.jdbc.DstDataSource;
import io.dst.jdbc.TestFiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/** SchemaCrawler reads DatabaseMetaData much as DBeaver and other BI tools do. */
class SchemaCrawlerTest {

  @Test
  void schemaCrawlerCrawlsTablesColumnsKeysAndIndexesWithoutWarnings() throws Exception {
    List<LogRecord> problems = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          problems.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try (Connection keepAlive = DriverManager.getConnection("jdbc:dst:mem:crawl")) {
      keepAlive.createStatement().execute("table.create task_table driver_table from " + TestFiles.SCHEMA_FILE);
      SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
          .withLimitOptions(LimitOptionsBuilder.builder().includeAllTables().toOptions())
          .withLoadOptions(LoadOptionsBuilder.builder()
              .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
      Catalog catalog = SchemaCrawlerUtility.getCatalog(
          DatabaseConnectionSources.fromDataSource(new DstDataSource("jdbc:dst:mem:crawl")), options);

      Collection<Table> tables = catalog.getTables();
      assertThat(tables).extracting(Table::getName).containsExactlyInAnyOrder("task_table", "driver_table");
      Table task = tables.stream().filter(t -> t.getName().equals("task_table")).findFirst().orElseThrow();
      assertThat(task.getColumns()).extracting(Column::getName)
          .containsExactly("task_id", "driver_id", "task_name", "return_num", "arguments");
      assertThat(task.getColumns().get(3).getColumnDataType().getJavaSqlType().getVendorTypeNumber())
          .isEqualTo(java.sql.Types.INTEGER);
      assertThat(task.getPrimaryKey().getConstrainedColumns()).extracting(Column::getName).containsExactly("task_id");
      assertThat(task.getIndexes()).extracting(i -> i.getName())
          .contains("task_table_pk", "task_table_driver_id_idx");
    } finally {
      root.removeHandler(capture);
    }
    assertThat(problems).extracting(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).isEmpty();
  }
}
