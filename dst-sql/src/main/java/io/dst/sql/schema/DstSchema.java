package io.dst.sql.schema;

import io.dst.engine.api.DataStore;
import io.dst.engine.schema.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The Calcite schema over a {@link DataStore}: one {@link DstTable} per store table plus the views
 * created through SQL. The table map is rebuilt whenever the store's catalog differs from the last
 * one seen (DDL here, or another client's DDL on a cluster), and every rebuild bumps {@link
 * #version()} so cached plans over the old catalog are dropped.
 */
public final class DstSchema extends AbstractSchema {
  private final DataStore store;
  private final Map<String, DstViewTable> views = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

  private record Snapshot(List<TableSchema> schemas, Map<String, Table> tables) {}

  public DstSchema(DataStore store) {
    this.store = store;
  }

  public DataStore store() {
    return store;
  }

  /** Changes whenever the visible tables or views change. */
  public long version() {
    refresh();
    return version.get();
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return refresh().tables();
  }

  /** The table by its (lower-case) name, if the store has it now. */
  public DstTable table(String name) {
    Table t = refresh().tables().get(name);
    return t instanceof DstTable dst ? dst : null;
  }

  public DstViewTable view(String name) {
    return views.get(name);
  }

  public void putView(DstViewTable view) {
    views.put(view.name(), view);
    invalidate();
  }

  public boolean removeView(String name) {
    boolean removed = views.remove(name) != null;
    invalidate();
    return removed;
  }

  /** Forgets the cached catalog, so the next lookup reads it from the store again. */
  public synchronized void invalidate() {
    snapshot = new Snapshot(null, Map.of());
    version.incrementAndGet();
  }

  private Snapshot refresh() {
    Snapshot current = snapshot;
    List<TableSchema> schemas = store.tables();
    if (schemas.equals(current.schemas())) {
      return current;
    }
    synchronized (this) {
      Map<String, Table> tables = new LinkedHashMap<>();
      for (TableSchema schema : schemas) {
        tables.put(schema.name(), new DstTable(store, schema));
      }
      for (DstViewTable view : views.values()) {
        tables.putIfAbsent(view.name(), view);
      }
      Snapshot fresh = new Snapshot(List.copyOf(schemas), Map.copyOf(tables));
      if (current.schemas() != null) {
        version.incrementAndGet();
      }
      snapshot = fresh;
      return fresh;
    }
  }
}
