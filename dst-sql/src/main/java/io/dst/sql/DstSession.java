package io.dst.sql;

import java.nio.file.Path;
import java.util.List;

/**
 * One client's conversation with a database: runs SQL and command-language text alike (a command is
 * recognised by its {@code type.verb} or {@code table.verb} head), resolves relative schema-file paths
 * against {@link #workingDirectory()}, and fails with a {@link io.dst.engine.DstException} whose
 * message names the position and the problem. Not thread-safe; one per JDBC connection.
 */
public interface DstSession extends AutoCloseable {
  StatementResult execute(String text);

  PreparedStatementPlan prepare(String text);

  /** Cancels the statement this session is running, from another thread. */
  void cancel();

  Path workingDirectory();

  void setWorkingDirectory(Path directory);

  DstDatabase database();

  @Override
  void close();
}
