package io.dst.sql.rules;

import io.dst.engine.expr.AggregateCall;
import io.dst.engine.expr.AggregateFunction;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.sql.rel.DstAggregate;
import io.dst.sql.rel.DstQuery;
import io.dst.sql.rel.DstTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Pushes GROUP BY with COUNT, SUM, MIN, MAX and AVG into a Dst scan: each partition aggregates its
 * own rows (AVG as a sum and a count) and the scan merges the partial rows. DISTINCT, FILTER and
 * grouping sets stay in Calcite.
 */
public final class DstAggregateRule extends RelOptRule {
  public static final DstAggregateRule INSTANCE = new DstAggregateRule();

  private DstAggregateRule() {
    super(operand(LogicalAggregate.class, operand(DstTableScan.class, none())), "DstAggregateRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    DstTableScan scan = call.rel(1);
    DstQuery query = scan.query();
    if (!query.isPlainScan() || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return;
    }
    int[] output = query.outputColumns();
    int[] groupBy = new int[aggregate.getGroupCount()];
    int g = 0;
    for (int field : aggregate.getGroupSet()) {
      groupBy[g] = output[field];
      if (type(query, groupBy[g]).element() == ScalarType.BYTES || type(query, groupBy[g]).array()) {
        return;
      }
      g++;
    }
    List<AggregateCall> calls = new ArrayList<>();
    List<Boolean> sumZero = new ArrayList<>();
    for (org.apache.calcite.rel.core.AggregateCall c : aggregate.getAggCallList()) {
      if (c.isDistinct() || c.hasFilter() || c.isApproximate() || !c.getCollation().getFieldCollations().isEmpty()) {
        return;
      }
      AggregateCall translated = translate(c, output, query);
      if (translated == null) {
        return;
      }
      calls.add(translated);
      sumZero.add(c.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SUM0);
    }
    List<SqlTypeName> outputTypes = new ArrayList<>();
    for (RelDataTypeField f : aggregate.getRowType().getFieldList()) {
      outputTypes.add(f.getType().getSqlTypeName());
    }
    DstAggregate pushed = new DstAggregate(groupBy, calls, outputTypes, sumZero);
    call.transformTo(scan.with(query.withAggregate(pushed), aggregate.getRowType(), scan.getTraitSet()));
  }

  private static AggregateCall translate(org.apache.calcite.rel.core.AggregateCall c, int[] output,
      DstQuery query) {
    List<Integer> args = c.getArgList();
    switch (c.getAggregation().getKind()) {
      case COUNT:
        if (args.isEmpty()) {
          return AggregateCall.countStar();
        }
        return args.size() == 1 ? new AggregateCall(AggregateFunction.COUNT, output[args.get(0)]) : null;
      case SUM:
      case SUM0:
        return numeric(args, output, query, AggregateFunction.SUM);
      case AVG:
        return numeric(args, output, query, AggregateFunction.AVG);
      case MIN:
      case MAX: {
        if (args.size() != 1) {
          return null;
        }
        int column = output[args.get(0)];
        ColumnType type = type(query, column);
        if (type.array() || type.element() == ScalarType.BYTES) {
          return null;
        }
        AggregateFunction f = c.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.MIN
            ? AggregateFunction.MIN : AggregateFunction.MAX;
        return new AggregateCall(f, column);
      }
      default:
        return null;
    }
  }

  private static AggregateCall numeric(List<Integer> args, int[] output, DstQuery query,
      AggregateFunction function) {
    if (args.size() != 1) {
      return null;
    }
    int column = output[args.get(0)];
    ColumnType type = type(query, column);
    boolean numeric = !type.array() && (type.element() == ScalarType.INT
        || type.element() == ScalarType.LONG || type.element() == ScalarType.DOUBLE);
    return numeric ? new AggregateCall(function, column) : null;
  }

  private static ColumnType type(DstQuery query, int column) {
    return query.schema().columns().get(column).type();
  }
}
