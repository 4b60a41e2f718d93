package io.dst.sql.rules;

import io.dst.engine.expr.SortKey;
import io.dst.sql.rel.DstQuery;
import io.dst.sql.rel.DstTableScan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Pushes LIMIT/OFFSET, and ORDER BY together with a LIMIT, into a Dst scan: each partition returns
 * its own top {@code offset + fetch} rows and the scan merges them. An ORDER BY without a LIMIT
 * stays a Calcite sort, since partitions would return everything anyway.
 */
public final class DstSortRule extends RelOptRule {
  public static final DstSortRule INSTANCE = new DstSortRule();

  private DstSortRule() {
    super(operand(LogicalSort.class, operand(DstTableScan.class, none())), "DstSortRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalSort sort = call.rel(0);
    DstTableScan scan = call.rel(1);
    DstQuery query = scan.query();
    if (query.aggregate() != null || query.lookup() != null || !query.sort().isEmpty() || query.hasLimit()) {
      return;
    }
    long fetch = literal(sort.fetch, -1);
    long offset = literal(sort.offset, 0);
    if (fetch == Long.MIN_VALUE || offset == Long.MIN_VALUE || fetch < 0) {
      return;
    }
    int[] output = query.outputColumns();
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation fc : sort.getCollation().getFieldCollations()) {
      boolean desc = fc.getDirection().isDescending();
      boolean nullsFirst = switch (fc.nullDirection) {
        case FIRST -> true;
        case LAST -> false;
        default -> desc;
      };
      keys.add(new SortKey(output[fc.getFieldIndex()], desc, nullsFirst));
    }
    RelCollation collation = RelCollationTraitDef.INSTANCE.canonize(sort.getCollation());
    DstTableScan newScan = scan.with(query.withSortAndLimit(keys, offset, fetch), scan.getRowType(),
        scan.getTraitSet().replace(collation));
    call.transformTo(newScan);
  }

  /** The literal's value, {@code absent} when there is no node, MIN_VALUE when it is not a literal. */
  private static long literal(RexNode node, long absent) {
    if (node == null) {
      return absent;
    }
    if (node instanceof RexLiteral literal) {
      BigDecimal value = literal.getValueAs(BigDecimal.class);
      return value == null ? Long.MIN_VALUE : value.longValue();
    }
    return Long.MIN_VALUE;
  }
}
