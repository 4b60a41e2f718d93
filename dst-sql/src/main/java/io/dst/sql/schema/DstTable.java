package io.dst.sql.schema;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.DataStore;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.rel.DstQuery;
import io.dst.sql.rel.DstTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelReferentialConstraint;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelDistributions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A Dst table as Calcite sees it: the schema's columns as SQL types, the primary key as a unique
 * key, the live row count as statistics, and a {@link DstTableScan} as its relational form. Data is
 * looked up by name in the {@link DataStore} when a plan runs, so a cached plan never holds a stale
 * {@link TableData}.
 */
public final class DstTable extends AbstractTable implements TranslatableTable {
  private final DataStore store;
  private final TableSchema schema;

  public DstTable(DataStore store, TableSchema schema) {
    this.store = store;
    this.schema = schema;
  }

  public TableSchema schema() {
    return schema;
  }

  public String name() {
    return schema.name();
  }

  /** The table's data now; UNKNOWN_TABLE when it has been dropped since planning. */
  public TableData data() {
    return store.table(schema.name()).orElseThrow(() ->
        new DstException(ErrorCode.UNKNOWN_TABLE, "table " + schema.name() + " does not exist"));
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : schema.columns()) {
      builder.add(column.name(), DstTypes.relType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  /** Ordinal sets of the single-column unique keys: the primary key. */
  public List<ImmutableBitSet> keys() {
    List<ImmutableBitSet> keys = new ArrayList<>();
    if (schema.hasPrimaryKey()) {
      keys.add(ImmutableBitSet.of(schema.primaryKeyIndex()));
    }
    return keys;
  }

  /** Current row count, or a guess when the store cannot say. */
  public double rowCount() {
    try {
      return Math.max(1, store.table(schema.name()).map(TableData::rowCount).orElse(0L));
    } catch (RuntimeException e) {
      return 1000;
    }
  }

  @Override
  public Statistic getStatistic() {
    DstTable table = this;
    return new Statistic() {
      @Override
      public Double getRowCount() {
        return table.rowCount();
      }

      @Override
      public boolean isKey(ImmutableBitSet columns) {
        for (ImmutableBitSet key : keys()) {
          if (columns.contains(key)) {
            return true;
          }
        }
        return false;
      }

      @Override
      public List<ImmutableBitSet> getKeys() {
        return keys();
      }

      @Override
      public List<RelReferentialConstraint> getReferentialConstraints() {
        return List.of();
      }

      @Override
      public List<RelCollation> getCollations() {
        return List.of();
      }

      @Override
      public RelDistribution getDistribution() {
        return RelDistributions.ANY;
      }
    };
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return DstTableScan.create(context.getCluster(), relOptTable, this, DstQuery.full(schema));
  }

  /** Whether some index (the primary key, an [i] column, or a single-column CREATE INDEX) covers the column. */
  public boolean hasIndexOn(int column) {
    Column c = schema.columns().get(column);
    if (c.primaryKey() || c.indexed()) {
      return true;
    }
    for (List<String> index : schema.extraIndexes()) {
      if (index.size() == 1 && index.get(0).equalsIgnoreCase(c.name())) {
        return true;
      }
    }
    return false;
  }
}
