package io.dst.jdbc.cli;

import io.dst.engine.dump.DumpLoader;
import io.dst.engine.dump.DumpSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dst load --url URL FILE [--force]}: restores a dump into the store behind URL. The file is
 * verified whole before anything is written; the store must be empty unless {@code --force}.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Restore a dump file into an empty store (verifies every checksum first).")
final class LoadCommand implements Callable<Integer> {
  @ParentCommand
  DstCli cli;

  @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
      description = "The store to load into: jdbc:dst://ZK/CLUSTER or jdbc:dst:mem:NAME.")
  String url;

  @Option(names = "--force", description = "Load into a non-empty store: drop and recreate the dump's "
      + "tables and overwrite its kv keys; other tables and keys stay.")
  boolean force;

  @Parameters(index = "0", paramLabel = "FILE", description = "The dump file to load.")
  Path file;

  @Override
  public Integer call() {
    try (StoreConnection connection = StoreConnection.open(url)) {
      ProgressLine progress = new ProgressLine(cli.out, cli.atTerminal(), "loaded");
      DumpSummary summary;
      try {
        summary = new DumpLoader(connection.store()).replaceExisting(force)
            .onProgress(rows -> progress.update(rows, -1))
            .load(file);
      } finally {
        progress.finish();
      }
      cli.out.println("loaded " + summary.describe() + " from " + file);
      return 0;
    } catch (Exception e) {
      cli.err.println("Error: load failed: " + e.getMessage());
      return 1;
    }
  }
}
