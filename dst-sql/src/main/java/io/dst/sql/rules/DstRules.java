package io.dst.sql.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** The rules that push work into Dst scans, in the order the planner should try them. */
public final class DstRules {
  private DstRules() {}

  public static final List<RelOptRule> PUSHDOWN = List.of(
      DstFilterRule.INSTANCE,
      DstProjectRule.INSTANCE,
      DstAggregateRule.INSTANCE,
      DstSortRule.INSTANCE);
}
