package io.dst.sql.rules;

import io.dst.engine.expr.Predicate;
import io.dst.sql.rel.DstQuery;
import io.dst.sql.rel.DstTableScan;
import io.dst.sql.rel.KeyLookup;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pushes a filter into a Dst scan. Equality on the primary key (or a single-column index) with a
 * literal or {@code ?} becomes a key lookup; otherwise every translatable conjunct becomes part of
 * the scan's engine predicate. Conjuncts that cannot be pushed stay in a filter above the scan.
 */
public final class DstFilterRule extends RelOptRule {
  public static final DstFilterRule INSTANCE = new DstFilterRule();

  private DstFilterRule() {
    super(operand(LogicalFilter.class, operand(DstTableScan.class, none())), "DstFilterRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    DstTableScan scan = call.rel(1);
    DstQuery query = scan.query();
    if (!query.isPlainScan()) {
      return;
    }
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    RexNode condition = RexUtil.expandSearch(rexBuilder, null, filter.getCondition());
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    PredicateTranslator translator = new PredicateTranslator(query.schema(), query.outputColumns());

    if (!query.hasFilter()) {
      RexNode keyConjunct = bestKeyConjunct(conjuncts, translator, scan);
      if (keyConjunct != null) {
        Object[] eq = translator.equality(keyConjunct);
        int column = (Integer) eq[0];
        boolean pk = query.schema().columns().get(column).primaryKey();
        DstTableScan lookup = scan.with(query.withLookup(new KeyLookup(column, eq[1], pk)),
            scan.getRowType(), scan.getTraitSet());
        List<RexNode> rest = new ArrayList<>(conjuncts);
        rest.remove(keyConjunct);
        call.transformTo(above(filter, lookup, rest, rexBuilder));
        return;
      }
    }

    List<Predicate> pushed = new ArrayList<>();
    List<RexNode> remaining = new ArrayList<>();
    for (RexNode conjunct : conjuncts) {
      translator.translate(conjunct).ifPresentOrElse(pushed::add, () -> remaining.add(conjunct));
    }
    pushed.removeIf(p -> p instanceof Predicate.True);
    if (pushed.isEmpty()) {
      return;
    }
    if (query.hasFilter()) {
      pushed.add(0, query.filter());
    }
    Predicate predicate = pushed.size() == 1 ? pushed.get(0) : new Predicate.And(pushed);
    DstTableScan newScan = scan.with(query.withFilter(predicate), scan.getRowType(), scan.getTraitSet());
    call.transformTo(above(filter, newScan, remaining, rexBuilder));
  }

  private static RexNode bestKeyConjunct(List<RexNode> conjuncts, PredicateTranslator translator,
      DstTableScan scan) {
    RexNode best = null;
    for (RexNode conjunct : conjuncts) {
      Object[] eq = translator.equality(conjunct);
      if (eq == null) {
        continue;
      }
      int column = (Integer) eq[0];
      if (scan.query().schema().columns().get(column).primaryKey()) {
        return conjunct;
      }
      if (best == null && scan.dstTable().hasIndexOn(column)) {
        best = conjunct;
      }
    }
    return best;
  }

  private static RelNode above(LogicalFilter filter, RelNode input, List<RexNode> conditions,
      RexBuilder rexBuilder) {
    if (conditions.isEmpty()) {
      return input;
    }
    return filter.copy(filter.getTraitSet(), input, RexUtil.composeConjunction(rexBuilder, conditions));
  }
}
