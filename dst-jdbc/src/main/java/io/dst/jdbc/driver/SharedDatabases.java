package io.dst.jdbc.driver;

import io.dst.sql.DstDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Databases shared by every connection of the JVM that names the same key (a named in-memory
 * database, or a cluster): opened by the first connection, closed with their store when the last
 * one releases its handle. A connection opening while another closes the last handle gets a new one.
 */
final class SharedDatabases {
  private final Map<String, Shared> open = new HashMap<>();

  DatabaseHandle acquire(String key, String url, Supplier<DstDatabase> opener) {
    Shared shared;
    synchronized (open) {
      shared = open.get(key);
      if (shared == null) {
        // opening under the lock: a second connection to the same key waits instead of opening twice
        shared = new Shared(key, opener.get());
        open.put(key, shared);
      }
      shared.users++;
    }
    Shared mine = shared;
    return new DatabaseHandle() {
      private boolean released;

      @Override
      public DstDatabase database() {
        return mine.database;
      }

      @Override
      public String url() {
        return url;
      }

      @Override
      public void release() {
        synchronized (open) {
          if (released) {
            return;
          }
          released = true;
          if (--mine.users > 0) {
            return;
          }
          open.remove(mine.key, mine);
        }
        close(mine.database);
      }
    };
  }

  static void close(DstDatabase db) {
    try {
      db.close();
    } finally {
      db.store().close();
    }
  }

  private static final class Shared {
    final String key;
    final DstDatabase database;
    int users;

    Shared(String key, DstDatabase database) {
      this.key = key;
      this.database = database;
    }
  }
}
