package io.dst.sql.rules;

import io.dst.sql.rel.DstQuery;
import io.dst.sql.rel.DstTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Pushes the columns a projection reads into a Dst scan, so partitions return only those columns.
 * A projection of plain column references disappears into the scan; one with expressions stays
 * above a scan that returns just the columns the expressions use.
 */
public final class DstProjectRule extends RelOptRule {
  public static final DstProjectRule INSTANCE = new DstProjectRule();

  private DstProjectRule() {
    super(operand(LogicalProject.class, operand(DstTableScan.class, none())), "DstProjectRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    DstTableScan scan = call.rel(1);
    DstQuery query = scan.query();
    // A pushed sort's collation names output positions, which a new projection would move.
    if (query.aggregate() != null || !query.sort().isEmpty()) {
      return;
    }
    int[] current = query.outputColumns();
    List<RexNode> exprs = project.getProjects();
    boolean allRefs = exprs.stream().allMatch(e -> e instanceof RexInputRef);
    if (allRefs) {
      int[] projection = new int[exprs.size()];
      for (int i = 0; i < exprs.size(); i++) {
        projection[i] = current[((RexInputRef) exprs.get(i)).getIndex()];
      }
      call.transformTo(scan.with(query.withProjection(projection), project.getRowType(), scan.getTraitSet()));
      return;
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(exprs, null);
    if (used.isEmpty()) {
      used = ImmutableBitSet.of(0);
    }
    if (used.cardinality() >= current.length) {
      return;
    }
    int[] projection = new int[used.cardinality()];
    int[] newIndex = new int[current.length];
    RelDataTypeFactory.Builder type = project.getCluster().getTypeFactory().builder();
    List<RelDataTypeField> fields = scan.getRowType().getFieldList();
    int n = 0;
    for (int i : used) {
      projection[n] = current[i];
      newIndex[i] = n++;
      type.add(fields.get(i));
    }
    RelDataType newType = type.build();
    DstTableScan narrowed = scan.with(query.withProjection(projection), newType, scan.getTraitSet());
    List<RexNode> remapped = new ArrayList<>(exprs.size());
    RexShuttle shuttle = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    };
    for (RexNode e : exprs) {
      remapped.add(e.accept(shuttle));
    }
    call.transformTo(project.copy(project.getTraitSet(), narrowed, remapped, project.getRowType()));
  }
}
