package io.dst.sql.rules;

import io.dst.sql.rel.DstTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Aggregates a fact scan before joining it to a dimension scan on the dimension's primary key:
 * {@code GROUP BY} over {@code fact JOIN dim ON fact.k = dim.pk} becomes a partial aggregate of the
 * fact rows by k (and the fact's group columns), which {@link DstAggregateRule} pushes into the
 * partitions, joined to the dimension and re-aggregated. Each fact row meets at most one dimension
 * row, so COUNT, SUM, MIN and MAX split exactly (a count becomes a sum of counts). It needs an inner
 * equi-join of two Dst scans with aggregate arguments on the fact side only; uniqueness is read from
 * the scans' own column mapping, not from table metadata, which does not follow pushed projections.
 */
public final class DstAggregateJoinTransposeRule extends RelOptRule {
  public static final DstAggregateJoinTransposeRule INSTANCE = new DstAggregateJoinTransposeRule();

  private DstAggregateJoinTransposeRule() {
    super(operand(LogicalAggregate.class, operand(LogicalJoin.class,
        operand(DstTableScan.class, none()), operand(DstTableScan.class, none()))),
        "DstAggregateJoinTransposeRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    LogicalJoin join = call.rel(1);
    DstTableScan left = call.rel(2);
    DstTableScan right = call.rel(3);
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || join.getJoinType() != JoinRelType.INNER) {
      return;
    }
    JoinInfo info = join.analyzeCondition();
    if (!info.isEqui() || info.leftKeys.size() != 1) {
      return;
    }
    int leftKey = info.leftKeys.get(0);
    int rightKey = info.rightKeys.get(0);
    RelNode rewritten = transpose(call.builder(), aggregate, left, right, leftKey, rightKey, true);
    if (rewritten == null) {
      rewritten = transpose(call.builder(), aggregate, left, right, leftKey, rightKey, false);
    }
    if (rewritten != null) {
      call.transformTo(rewritten);
    }
  }

  /** The rewritten plan with the left ({@code factIsLeft}) or right side as the fact, or null. */
  private static RelNode transpose(RelBuilder builder, LogicalAggregate aggregate, DstTableScan left,
      DstTableScan right, int leftKey, int rightKey, boolean factIsLeft) {
    DstTableScan fact = factIsLeft ? left : right;
    DstTableScan dim = factIsLeft ? right : left;
    int factKey = factIsLeft ? leftKey : rightKey;
    int dimKey = factIsLeft ? rightKey : leftKey;
    int factOffset = factIsLeft ? 0 : left.getRowType().getFieldCount();
    int factWidth = fact.getRowType().getFieldCount();
    if (!joinsOnPrimaryKey(dim, dimKey) || !fact.query().isPlainScan()
        || fact.query().outputColumns()[factKey] == fact.query().schema().primaryKeyIndex()) {
      return null; // a unique fact key would gain nothing from aggregating first
    }
    List<Integer> factGroup = new ArrayList<>();
    factGroup.add(factKey);
    for (int g : aggregate.getGroupSet()) {
      if (g >= factOffset && g < factOffset + factWidth && g - factOffset != factKey) {
        factGroup.add(g - factOffset);
      }
    }
    ImmutableBitSet factGroupSet = ImmutableBitSet.of(factGroup);
    List<SqlAggFunction> merges = new ArrayList<>();
    for (AggregateCall c : aggregate.getAggCallList()) {
      SqlAggFunction merge = mergeFunction(c);
      if (merge == null) {
        return null;
      }
      for (int arg : c.getArgList()) {
        if (arg < factOffset || arg >= factOffset + factWidth) {
          return null;
        }
      }
      merges.add(merge);
    }
    List<RelBuilder.AggCall> partials = new ArrayList<>();
    builder.push(fact);
    for (AggregateCall c : aggregate.getAggCallList()) {
      List<RexNode> args = new ArrayList<>();
      for (int arg : c.getArgList()) {
        args.add(builder.field(arg - factOffset));
      }
      partials.add(builder.aggregateCall(c.getAggregation(), args));
    }
    builder.aggregate(builder.groupKey(factGroupSet), partials);
    RelNode partial = builder.build();
    int partialWidth = factGroupSet.cardinality() + partials.size();
    // Field positions of the new join: the partial side's group fields are in ascending order.
    int newFactOffset = factIsLeft ? 0 : dim.getRowType().getFieldCount();
    int newDimOffset = factIsLeft ? partialWidth : 0;
    int oldDimOffset = factIsLeft ? fact.getRowType().getFieldCount() : 0;
    builder.push(factIsLeft ? partial : dim).push(factIsLeft ? dim : partial);
    int newFactKey = factGroupSet.indexOf(factKey);
    builder.join(JoinRelType.INNER, builder.equals(
        builder.field(2, factIsLeft ? 0 : 1, newFactKey), builder.field(2, factIsLeft ? 1 : 0, dimKey)));
    List<Integer> topGroup = new ArrayList<>();
    for (int g : aggregate.getGroupSet()) {
      boolean onFact = g >= factOffset && g < factOffset + factWidth;
      topGroup.add(onFact ? newFactOffset + factGroupSet.indexOf(g - factOffset) : newDimOffset + g - oldDimOffset);
    }
    List<RelBuilder.AggCall> finals = new ArrayList<>();
    for (int i = 0; i < merges.size(); i++) {
      finals.add(builder.aggregateCall(merges.get(i),
          builder.field(newFactOffset + factGroupSet.cardinality() + i)));
    }
    builder.aggregate(builder.groupKey(ImmutableBitSet.of(topGroup)), finals);
    builder.convert(aggregate.getRowType(), true);
    return builder.build();
  }

  /** Whether {@code key} of the scan is its table's primary key, so each value occurs at most once. */
  private static boolean joinsOnPrimaryKey(DstTableScan scan, int key) {
    int pk = scan.query().schema().primaryKeyIndex();
    return pk >= 0 && scan.query().aggregate() == null && scan.query().outputColumns()[key] == pk;
  }

  /** The function that combines partial results of {@code c}, or null when it does not split. */
  private static SqlAggFunction mergeFunction(AggregateCall c) {
    if (c.isDistinct() || c.hasFilter() || c.isApproximate() || !c.getCollation().getFieldCollations().isEmpty()) {
      return null;
    }
    return switch (c.getAggregation().getKind()) {
      case COUNT, SUM0 -> SqlStdOperatorTable.SUM0;
      case SUM -> SqlStdOperatorTable.SUM;
      case MIN -> SqlStdOperatorTable.MIN;
      case MAX -> SqlStdOperatorTable.MAX;
      default -> null;
    };
  }
}
