package io.dst.engine.api;

import io.dst.engine.schema.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * Everything a Dst database holds: the table catalog with each table's data, and the kv store. The
 * embedded engine and the cluster client both implement it, so the SQL layer, the command language
 * and the JDBC driver run unchanged on either. Table names are lower-case and unique.
 */
public interface DataStore extends AutoCloseable {
  List<TableSchema> tables();

  Optional<TableData> table(String name);

  /** Creates a table; fails with TABLE_EXISTS unless {@code ifNotExists}. Returns false if it existed. */
  boolean createTable(TableSchema schema, boolean ifNotExists);

  /** Drops a table; fails with UNKNOWN_TABLE unless {@code ifExists}. Returns false if it was absent. */
  boolean dropTable(String name, boolean ifExists);

  /** Adds a secondary index over the named columns, built from the rows already there. */
  void createIndex(String table, String indexName, List<String> columns);

  KvStore kv();

  @Override
  default void close() {}
}
