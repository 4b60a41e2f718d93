package io.dst.sql.rel;

import io.dst.sql.schema.DstTable;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.DataContext;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Scans a Dst table's partitions with whatever the planner pushed into it (a {@link DstQuery}):
 * filter, key lookup, projection, partial aggregate, top-n. It is an enumerable leaf, so the rest of
 * the plan runs in Calcite's generated code on the rows it returns.
 */
public final class DstTableScan extends TableScan implements EnumerableRel {
  private final DstTable dstTable;
  private final DstQuery query;
  private final RelDataType outputType;

  private DstTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, DstTable dstTable,
      DstQuery query, RelDataType outputType) {
    super(cluster, traits, List.of(), table);
    this.dstTable = dstTable;
    this.query = query;
    this.outputType = outputType;
  }

  public static DstTableScan create(RelOptCluster cluster, RelOptTable table, DstTable dstTable,
      DstQuery query) {
    return new DstTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table,
        dstTable, query, table.getRowType());
  }

  /** A scan of the same table with a different pushed query, output row type and traits. */
  public DstTableScan with(DstQuery newQuery, RelDataType newType, RelTraitSet newTraits) {
    return new DstTableScan(getCluster(), newTraits, getTable(), dstTable, newQuery, newType);
  }

  public DstQuery query() {
    return query;
  }

  public DstTable dstTable() {
    return dstTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DstTableScan(getCluster(), traitSet, getTable(), dstTable, query, outputType);
  }

  @Override
  public RelDataType deriveRowType() {
    return outputType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter w = super.explainTerms(pw);
    for (String[] item : query.explainItems()) {
      w = w.item(item[0], item[1]);
    }
    return w;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = dstTable.rowCount();
    if (query.lookup() != null) {
      rows = query.lookup().primaryKey() ? 1 : Math.max(1, rows / 100);
    } else if (query.hasFilter()) {
      rows = Math.max(1, rows / 4);
    }
    if (query.aggregate() != null) {
      rows = query.aggregate().groupBy().length == 0 ? 1 : Math.max(1, rows / 10);
    }
    if (query.fetch() >= 0) {
      rows = Math.min(rows, query.fetch());
    }
    return rows;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double width = (double) getRowType().getFieldCount() / Math.max(1, query.schema().columnCount());
    return planner.getCostFactory().makeCost(rows, rows * (0.5 + width / 2), 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Like Calcite's CSV adapter: one column travels as a bare value, several as Object[].
    boolean scalar = getRowType().getFieldCount() == 1;
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
    Expression executor = implementor.stash(new DstScanExecutor(dstTable, query, scalar), DstScanExecutor.class);
    return implementor.result(physType,
        Blocks.toBlock(Expressions.call(executor, "execute", DataContext.ROOT)));
  }
}
