package io.dst.jdbc.cli;

import io.dst.engine.dump.DumpSummary;
import io.dst.engine.dump.DumpWriter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dst dump --url URL FILE}: writes every table and all kv data of the store behind URL to
 * FILE (written to FILE.partial and renamed when complete, so FILE is never half a dump).
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Write all tables and kv data to a checksummed dump file (restore it with 'load').")
final class DumpCommand implements Callable<Integer> {
  @ParentCommand
  DstCli cli;

  @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
      description = "The store to dump: jdbc:dst://ZK/CLUSTER or jdbc:dst:mem:NAME.")
  String url;

  @Parameters(index = "0", paramLabel = "FILE", description = "The dump file to write (replaced if it exists).")
  Path file;

  @Override
  public Integer call() {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (StoreConnection connection = StoreConnection.open(url)) {
      ProgressLine progress = new ProgressLine(cli.out, cli.atTerminal(), "dumped");
      DumpSummary summary;
      try (CountingOutput out = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
        summary = new DumpWriter(connection.store(), url)
            .onProgress(rows -> progress.update(rows, out.count))
            .write(out);
      } finally {
        progress.finish();
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      cli.out.println("dumped " + summary.describe() + " to " + file);
      cli.out.println("consistency: " + summary.header().consistency());
      return 0;
    } catch (Exception e) {
      cli.err.println("Error: dump failed: " + e.getMessage());
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the error above is what matters
      }
      return 1;
    }
  }

  /** Counts bytes on their way to the file, for the progress line. */
  private static final class CountingOutput extends FilterOutputStream {
    volatile long count;

    CountingOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }
  }
}
