package io.dst.sql.exec;

import io.dst.sql.rel.DstTableScan;
import io.dst.sql.rules.DstAggregateJoinTransposeRule;
import io.dst.sql.rules.DstAggregateRule;
import io.dst.sql.rules.DstProjectRule;
import io.dst.sql.rules.DstRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import java.util.EnumSet;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;

/**
 * The optimizer pipeline: sub-queries become joins, correlations are removed, unused fields trimmed;
 * then a rule-driven (Hep) pass moves filters and projections down and pushes everything it can into
 * Dst scans; finally a cost-based (Volcano) pass picks enumerable operators for the rest. Pushdown
 * runs in the Hep pass because it always pays, so it does not depend on cost estimates.
 */
public final class Optimizer {
  private static final List<RelOptRule> SUB_QUERY_RULES = List.of(
      CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
      CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
      CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

  private static final List<RelOptRule> LOGICAL_RULES = List.of(
      CoreRules.FILTER_REDUCE_EXPRESSIONS,
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.FILTER_MERGE,
      CoreRules.FILTER_SET_OP_TRANSPOSE,
      CoreRules.FILTER_AGGREGATE_TRANSPOSE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE,
      CoreRules.AGGREGATE_PROJECT_MERGE,
      CoreRules.SORT_PROJECT_TRANSPOSE,
      CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
      // Statistical aggregates have no enumerable implementation; they become SUMs and COUNTs.
      // AVG is left alone so it can be pushed into scans as a partial sum and count.
      AggregateReduceFunctionsRule.Config.DEFAULT
          .withFunctionsToReduce(EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP,
              SqlKind.VAR_SAMP, SqlKind.COVAR_POP, SqlKind.COVAR_SAMP, SqlKind.REGR_SXX, SqlKind.REGR_SYY))
          .toRule());

  private Optimizer() {}

  /** A fresh cluster whose Volcano planner knows the enumerable rules. */
  public static RelOptCluster newCluster(RexBuilder rexBuilder) {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    for (RelOptRule rule : EnumerableRules.ENUMERABLE_RULES) {
      planner.addRule(rule);
    }
    planner.addRule(CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES);
    planner.setExecutor(RexUtil.EXECUTOR);
    return RelOptCluster.create(planner, rexBuilder);
  }

  public static RelNode logical(RelNode rel, RelBuilder relBuilder) {
    RelNode r = hep(rel, SUB_QUERY_RULES, HepMatchOrder.ARBITRARY);
    r = RelDecorrelator.decorrelateQuery(r, relBuilder);
    r = new RelFieldTrimmer(null, relBuilder).trim(r);
    List<RelOptRule> rules = new ArrayList<>(LOGICAL_RULES);
    rules.addAll(DstRules.PUSHDOWN);
    r = hep(r, rules, HepMatchOrder.BOTTOM_UP);
    if (r instanceof DstTableScan) {
      return r;
    }
    // Columns read only by filters that went into scans are no longer needed above them.
    r = new RelFieldTrimmer(null, relBuilder).trim(r);
    r = hep(r, List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, DstProjectRule.INSTANCE),
        HepMatchOrder.BOTTOM_UP);
    // Now that joins sit directly on scans: aggregate fact rows before joining them to a dimension.
    return hep(r, List.of(DstAggregateJoinTransposeRule.INSTANCE, DstProjectRule.INSTANCE,
        DstAggregateRule.INSTANCE, CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE), HepMatchOrder.BOTTOM_UP);
  }

  public static EnumerableRel physical(RelNode rel) {
    RelOptPlanner planner = rel.getCluster().getPlanner();
    RelTraitSet desired = rel.getCluster().traitSet().replace(EnumerableConvention.INSTANCE);
    planner.setRoot(rel.getTraitSet().equals(desired) ? rel : planner.changeTraits(rel, desired));
    RelNode best = planner.findBestExp();
    // EnumerableProject and EnumerableFilter cannot generate code themselves; Calcs can.
    return (EnumerableRel) Programs.calc(DefaultRelMetadataProvider.INSTANCE)
        .run(planner, best, best.getTraitSet(), List.of(), List.of());
  }

  public static EnumerableRel optimize(RelNode rel, RelBuilder relBuilder) {
    return physical(logical(rel, relBuilder));
  }

  private static RelNode hep(RelNode rel, List<RelOptRule> rules, HepMatchOrder order) {
    HepProgram program = HepProgram.builder().addMatchOrder(order).addRuleCollection(rules).build();
    HepPlanner planner = new HepPlanner(program, null, true, null, RelOptCostImpl.FACTORY);
    planner.setRoot(rel);
    return planner.findBestExp();
  }
}
