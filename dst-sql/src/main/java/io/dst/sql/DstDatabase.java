package io.dst.sql;

import io.dst.engine.api.DataStore;

/**
 * A database as the SQL layer sees it: a {@link DataStore} (embedded or a cluster) with the Calcite
 * schema over it and the plan cache. Thread-safe; many sessions share one.
 *
 * <p>Implementation note for the dst-sql module: this class is the entry point; keep the Calcite
 * machinery in its own packages behind it.
 */
public interface DstDatabase extends AutoCloseable {
  /** Opens the SQL layer over a store (embedded or a cluster client); the caller keeps the store. */
  static DstDatabase open(DataStore store) {
    return new io.dst.sql.session.DefaultDstDatabase(store);
  }

  DataStore store();

  DstSession openSession();

  @Override
  void close();
}
