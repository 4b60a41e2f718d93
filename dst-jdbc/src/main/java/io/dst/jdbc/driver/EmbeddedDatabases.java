package io.dst.jdbc.driver;

import io.dst.engine.EmbeddedStore;
import io.dst.sql.DstDatabase;
import java.util.HashMap;
import java.util.Map;

/**
 * In-process databases: a private one per {@code jdbc:dst:mem:} connection, and named ones
 * ({@code jdbc:dst:mem:NAME}) shared by every connection of the JVM and dropped, with their data, when
 * the last connection to them closes (H2's {@code mem:} semantics without DB_CLOSE_DELAY).
 */
final class EmbeddedDatabases {
  private static final Map<String, Shared> NAMED = new HashMap<>();

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
          close(db);
        }
      }
    };
  }

  static DatabaseHandle acquireNamed(String name, String url) {
    Shared shared;
    synchronized (NAMED) {
      shared = NAMED.computeIfAbsent(name, n -> new Shared(n, open()));
      shared.users++;
    }
    return new DatabaseHandle() {
      private boolean released;

      @Override
      public DstDatabase database() {
        return shared.database;
      }

      @Override
      public String url() {
        return url;
      }

      @Override
      public void release() {
        synchronized (NAMED) {
          if (released) {
            return;
          }
          released = true;
          if (--shared.users == 0) {
            NAMED.remove(shared.name, shared);
            close(shared.database);
          }
        }
      }
    };
  }

  private static DstDatabase open() {
    return DstDatabase.open(new EmbeddedStore());
  }

  private static void close(DstDatabase db) {
    try {
      db.close();
    } finally {
      db.store().close();
    }
  }

  private static final class Shared {
    final String name;
    final DstDatabase database;
    int users;

    Shared(String name, DstDatabase database) {
      this.name = name;
      this.database = database;
    }
  }
}
