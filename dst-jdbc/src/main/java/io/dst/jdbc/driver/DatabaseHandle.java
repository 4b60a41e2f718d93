package io.dst.jdbc.driver;

import io.dst.sql.DstDatabase;

/**
 * A connection's hold on a database: {@link #release()} gives it back, closing the database when the
 * connection was its last user (private and named in-memory databases) or its only user (a cluster).
 */
public interface DatabaseHandle {
  DstDatabase database();

  /** A human-readable description of where the database lives, for DatabaseMetaData.getURL and logs. */
  String url();

  void release();
}
