package io.dst.sql.csv;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bulk-imports a CSV file with a header row into one table. Header names map to columns by name
 * (any case, any order; table columns the file lacks are null). Rows are converted and checked in
 * batches of {@link #BATCH_ROWS}; each batch is one atomic {@link TableData#insert}, run on a second
 * thread while the next batch is parsed. Atomicity is per batch: on the first bad value or failed
 * batch the import stops, the batches before it stay loaded, and the error says so (for example
 * {@code tasks.csv, line 1,204, column "priority": "abc" is not an int; 0 rows were loaded}).
 */
public final class CsvImporter {
  public static final int BATCH_ROWS = 10_000;

  private final TableData table;
  private Progress progress = (rows, bytes) -> {};

  /** Told rows inserted and bytes read so far, after each batch. */
  public interface Progress {
    void update(long rows, long bytes);
  }

  public CsvImporter(TableData table) {
    this.table = table;
  }

  public CsvImporter onProgress(Progress progress) {
    this.progress = progress;
    return this;
  }

  public CsvImportResult load(Path file) throws IOException {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "CSV file " + file + " does not exist");
    }
    try (in) {
      return load(in, file.getFileName().toString());
    }
  }

  /** Imports from a stream; {@code name} names the file in errors. */
  public CsvImportResult load(InputStream in, String name) throws IOException {
    long started = System.nanoTime();
    TableSchema schema = table.schema();
    CsvRecordReader reader = new CsvRecordReader(in, name);
    int[] columnField = header(reader, schema, name);
    int fieldCount = reader.fieldCount();
    int columns = schema.columnCount();
    int pk = schema.primaryKeyIndex();

    ExecutorService inserter = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "dst-csv-insert");
      t.setDaemon(true);
      return t;
    });
    Batches batches = new Batches(inserter, name);
    try {
      List<Object[]> batch = new ArrayList<>(BATCH_ROWS);
      long batchLine = -1;
      while (advance(reader, batches, batchLine)) {
        int n = reader.fieldCount();
        if (n == 1 && reader.end(0) == reader.start(0) && !reader.quoted(0)) {
          continue;   // a blank line
        }
        if (batchLine < 0) {
          batchLine = reader.line();
        }
        if (n != fieldCount) {
          throw batches.failure(batchLine, new DstException(ErrorCode.INVALID_ARGUMENT, String.format(
              "%s, line %,d: %d field%s, but the header has %d", name, reader.line(), n, n == 1 ? "" : "s", fieldCount)));
        }
        byte[] buf = reader.buffer();
        Object[] row = new Object[columns];
        for (int c = 0; c < columns; c++) {
          int f = columnField[c];
          if (f < 0) {
            continue;
          }
          Column column = schema.columns().get(c);
          int off = reader.start(f);
          int len = reader.end(f) - off;
          try {
            row[c] = CsvValues.parse(column.type(), buf, off, len, reader.quoted(f));
          } catch (CsvValues.BadValue e) {
            throw batches.failure(batchLine, new DstException(ErrorCode.TYPE_MISMATCH, String.format(
                "%s, line %,d, column \"%s\": %s is not %s", name, reader.line(), column.name(),
                CsvValues.quote(reader.text(f)), e.getMessage())));
          }
          if (c == pk && row[c] == null) {
            throw batches.failure(batchLine, new DstException(ErrorCode.NOT_NULL_VIOLATION, String.format(
                "%s, line %,d, column \"%s\": the primary key cannot be empty", name, reader.line(), column.name())));
          }
        }
        batch.add(row);
        if (batch.size() == BATCH_ROWS) {
          batches.submit(batch, batchLine, reader.line(), reader.bytesRead());
          batch = new ArrayList<>(BATCH_ROWS);
          batchLine = -1;
        }
      }
      if (!batch.isEmpty()) {
        batches.submit(batch, batchLine, reader.line(), reader.bytesRead());
      }
      batches.awaitLast();
      return new CsvImportResult(schema.name(), batches.loaded, reader.bytesRead(), System.nanoTime() - started);
    } finally {
      inserter.shutdownNow();
    }
  }

  /** The next record; a malformed one (an unclosed quote) fails like a bad value, saying what was loaded. */
  private static boolean advance(CsvRecordReader reader, Batches batches, long batchLine) throws IOException {
    try {
      return reader.next();
    } catch (DstException e) {
      throw batches.failure(batchLine >= 0 ? batchLine : reader.line(), e);
    }
  }

  /** Reads the header row and returns, per table column, the field that holds it (-1: none). */
  private static int[] header(CsvRecordReader reader, TableSchema schema, String name) throws IOException {
    if (!reader.next()) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, name + " is empty: a CSV file for table.load starts "
          + "with a header row naming the columns");
    }
    int[] columnField = new int[schema.columnCount()];
    java.util.Arrays.fill(columnField, -1);
    for (int f = 0; f < reader.fieldCount(); f++) {
      String label = reader.text(f).strip();
      if (f == 0 && label.startsWith("\uFEFF")) {
        label = label.substring(1);   // a UTF-8 byte order mark
      }
      int c = schema.columnIndex(label);
      if (c < 0) {
        List<String> names = schema.columns().stream().map(Column::name).toList();
        throw new DstException(ErrorCode.UNKNOWN_COLUMN, String.format("%s, line 1: header field %d, \"%s\", is "
            + "not a column of table %s (its columns: %s)", name, f + 1, label, schema.name(), String.join(", ", names)));
      }
      if (columnField[c] >= 0) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT, String.format("%s, line 1: column \"%s\" appears "
            + "twice in the header (fields %d and %d)", name, schema.columns().get(c).name(), columnField[c] + 1, f + 1));
      }
      columnField[c] = f;
    }
    int pk = schema.primaryKeyIndex();
    if (pk >= 0 && columnField[pk] < 0) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, String.format("%s, line 1: the header has no column "
          + "\"%s\", the primary key of table %s", name, schema.columns().get(pk).name(), schema.name()));
    }
    return columnField;
  }

  /** The batches handed to the insert thread: one in flight at a time, failures reported with their lines. */
  private final class Batches {
    private final ExecutorService inserter;
    private final String name;
    private Future<?> pending;
    private long pendingRows;
    private long pendingFirstLine;
    private long pendingLastLine;
    private long pendingBytes;
    long loaded;

    Batches(ExecutorService inserter, String name) {
      this.inserter = inserter;
      this.name = name;
    }

    void submit(List<Object[]> rows, long firstLine, long lastLine, long bytes) {
      awaitLast();
      pending = inserter.submit(() -> table.insert(rows));
      pendingRows = rows.size();
      pendingFirstLine = firstLine;
      pendingLastLine = lastLine;
      pendingBytes = bytes;
    }

    void awaitLast() {
      if (pending == null) {
        return;
      }
      Future<?> f = pending;
      pending = null;
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DstException(ErrorCode.INTERNAL, name + ": interrupted while loading");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        String what = cause instanceof DstException d ? d.getMessage() : String.valueOf(cause);
        ErrorCode code = cause instanceof DstException d ? d.code() : ErrorCode.INTERNAL;
        throw new DstException(code, String.format("%s, lines %,d to %,d: %s; %s", name, pendingFirstLine,
            pendingLastLine, what, loadedNote(pendingFirstLine)), cause);
      }
      loaded += pendingRows;
      progress.update(loaded, pendingBytes);
    }

    /** The error for a bad row in the batch that starts at {@code batchLine}, after the batch in flight settles. */
    DstException failure(long batchLine, DstException problem) {
      awaitLast();
      return new DstException(problem.code(), problem.getMessage() + "; " + loadedNote(batchLine));
    }

    private String loadedNote(long firstLineNotLoaded) {
      if (loaded == 0) {
        return "nothing was loaded";
      }
      return String.format("the %,d rows before line %,d were loaded, nothing from that line on", loaded,
          firstLineNotLoaded);
    }
  }
}
