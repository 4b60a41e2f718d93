package io.dst.sql.cache;

import io.dst.sql.exec.StatementPlan;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans by statement text, shared by every session of a database. Entries remember the catalog
 * version they were planned against and are ignored once DDL has moved it on; when the cache is full
 * an arbitrary tenth of it is dropped, which is cheap and good enough for a working set of
 * statements.
 */
public final class PlanCache {
  private final int capacity;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(StatementPlan plan, long version) {}

  public PlanCache(int capacity) {
    this.capacity = capacity;
  }

  public StatementPlan get(String text, long version) {
    Entry e = entries.get(text);
    if (e == null) {
      return null;
    }
    if (e.version() != version) {
      entries.remove(text, e);
      return null;
    }
    return e.plan();
  }

  public void put(String text, StatementPlan plan, long version) {
    if (!plan.cacheable()) {
      return;
    }
    if (entries.size() >= capacity) {
      int drop = Math.max(1, capacity / 10);
      Iterator<String> it = entries.keySet().iterator();
      while (drop-- > 0 && it.hasNext()) {
        it.next();
        it.remove();
      }
    }
    entries.put(text, new Entry(plan, version));
  }

  public void clear() {
    entries.clear();
  }

  public int size() {
    return entries.size();
  }
}
