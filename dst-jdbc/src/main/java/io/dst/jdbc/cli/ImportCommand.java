package io.dst.jdbc.cli;

import io.dst.engine.api.TableData;
import io.dst.sql.csv.CsvImportResult;
import io.dst.sql.csv.CsvImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dst import --url URL --table T FILE.csv}: the CLI form of {@code table.load T from
 * "FILE.csv"}, with a progress line (rows, MB/s) when the output is a terminal.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Bulk-load a CSV file with a header row into an existing table.")
final class ImportCommand implements Callable<Integer> {
  @ParentCommand
  DstCli cli;

  @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
      description = "The store: jdbc:dst://ZK/CLUSTER or jdbc:dst:mem:NAME.")
  String url;

  @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The table to load into.")
  String table;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "CSV file: a header row naming columns, then rows.")
  Path file;

  @Override
  public Integer call() {
    try (StoreConnection connection = StoreConnection.open(url)) {
      TableData data = connection.store().table(table).orElse(null);
      if (data == null) {
        cli.err.println("Error: import failed: table " + table + " does not exist");
        return 1;
      }
      ProgressLine progress = new ProgressLine(cli.out, cli.atTerminal(), "loaded");
      CsvImportResult result;
      try {
        result = new CsvImporter(data).onProgress(progress::update).load(file);
      } finally {
        progress.finish();
      }
      cli.out.println(result.describe());
      return 0;
    } catch (Exception e) {
      cli.err.println("Error: import failed: " + e.getMessage());
      return 1;
    }
  }
}
