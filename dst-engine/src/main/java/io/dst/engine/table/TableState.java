package io.dst.engine.table;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A table in the catalog: its schema (including indexes added later), its partition count, its
 * named secondary indexes, and the local state of each partition. A store that holds only some
 * partitions of the table (a cluster node) still has a slot for every partition; slots it does not
 * serve simply stay empty.
 */
public final class TableState {
  private volatile TableSchema schema;
  private final int partitionCount;
  private final List<TablePartition.IndexDef> indexDefs = new ArrayList<>();
  private final List<Guarded<TablePartition>> slots = new ArrayList<>();
  private final AtomicLong nextRowId = new AtomicLong();
  private final List<String> extraIndexNames = new ArrayList<>();

  /**
   * A table whose {@code schema.extraIndexes()} are named by {@code extraIndexNames} in order
   * (missing names are generated as {@code <table>_idx_<n>}).
   */
  public TableState(TableSchema schema, int partitionCount, List<String> extraIndexNames) {
    this.schema = schema;
    this.partitionCount = partitionCount;
    for (int c = 0; c < schema.columnCount(); c++) {
      if (schema.columns().get(c).indexed() && !schema.columns().get(c).primaryKey()) {
        indexDefs.add(new TablePartition.IndexDef(schema.columns().get(c).name(), new int[] {c}));
      }
    }
    for (int i = 0; i < schema.extraIndexes().size(); i++) {
      List<String> cols = schema.extraIndexes().get(i);
      int[] ordinals = new int[cols.size()];
      for (int j = 0; j < ordinals.length; j++) {
        ordinals[j] = schema.requireColumn(cols.get(j));
      }
      String name = i < extraIndexNames.size() ? extraIndexNames.get(i) : schema.name() + "_idx_" + i;
      indexDefs.add(new TablePartition.IndexDef(name, ordinals));
      this.extraIndexNames.add(name);
    }
    for (int p = 0; p < partitionCount; p++) {
      slots.add(new Guarded<>(new TablePartition(schema, p, indexDefs)));
    }
  }

  public TableSchema schema() {
    return schema;
  }

  public String name() {
    return schema.name();
  }

  public int partitionCount() {
    return partitionCount;
  }

  public synchronized List<TablePartition.IndexDef> indexDefs() {
    return List.copyOf(indexDefs);
  }

  /** Names of the schema's extra indexes, in {@code schema().extraIndexes()} order. */
  public synchronized List<String> extraIndexNames() {
    return List.copyOf(extraIndexNames);
  }

  public Guarded<TablePartition> slot(int partition) {
    if (partition < 0 || partition >= partitionCount) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT, "table " + name() + " has partitions 0.."
          + (partitionCount - 1) + ", there is no partition " + partition);
    }
    return slots.get(partition);
  }

  /** The next hidden row id, which routes a row of a table without a primary key. */
  public long nextRowId() {
    return nextRowId.getAndIncrement();
  }

  /** Adds a named index over column ordinals to the schema and to every local partition. */
  public synchronized void addIndex(String indexName, int[] columns) {
    for (TablePartition.IndexDef d : indexDefs) {
      if (d.name().equalsIgnoreCase(indexName)) {
        throw new DstException(ErrorCode.INVALID_ARGUMENT,
            "table " + name() + " already has an index named " + indexName);
      }
    }
    TablePartition.IndexDef def = new TablePartition.IndexDef(indexName, columns);
    List<List<String>> extra = new ArrayList<>(schema.extraIndexes());
    List<String> names = new ArrayList<>();
    for (int c : columns) {
      names.add(schema.columns().get(c).name());
    }
    extra.add(List.copyOf(names));
    TableSchema newSchema = new TableSchema(schema.name(), schema.columns(), extra);
    indexDefs.add(def);
    extraIndexNames.add(indexName);
    for (Guarded<TablePartition> slot : slots) {
      slot.writeVoid(p -> {
        p.addIndex(def);
        p.updateSchema(newSchema);
      });
    }
    schema = newSchema;
  }
}
