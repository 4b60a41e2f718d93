package io.dst.jdbc.driver;

import io.dst.engine.EmbeddedStore;
import io.dst.sql.DstDatabase;

/**
 * In-process databases: a private one per {@code jdbc:dst:mem:} connection, and named ones
 * ({@code jdbc:dst:mem:NAME}) shared by every connection of the JVM and dropped, with their data, when
 * the last connection to them closes (H2's {@code mem:} semantics without DB_CLOSE_DELAY).
 */
final class EmbeddedDatabases {
  private static final SharedDatabases NAMED = new SharedDatabases();

  private EmbeddedDatabases() {}

  static DatabaseHandle openPrivate(String url) {
    DstDatabase db = open();
    return new DatabaseHandle() {
      private boolean released;

      @Override
      public DstDatabase database() {
        return db;
      }

      @Override
      public String url() {
        return url;
      }

      @Override
      public synchronized void release() {
        if (!released) {
          released = true;
          SharedDatabases.close(db);
        }
      }
    };
  }

  static DatabaseHandle acquireNamed(String name, String url) {
    return NAMED.acquire(name, url, EmbeddedDatabases::open);
  }

  private static DstDatabase open() {
    return DstDatabase.open(new EmbeddedStore());
  }
}
