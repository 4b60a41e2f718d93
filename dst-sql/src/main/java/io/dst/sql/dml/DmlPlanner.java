package io.dst.sql.dml;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.exec.CompiledQuery;
import io.dst.sql.exec.SqlPlanner;
import io.dst.sql.exec.SqlTypes;
import io.dst.sql.exec.StatementPlan;
import io.dst.sql.rel.DstTableScan;
import io.dst.sql.rules.PredicateTranslator;
import io.dst.sql.schema.DstTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Plans INSERT, UPDATE and DELETE from Calcite's TableModify without Calcite's ModifiableTable
 * machinery (whose UPDATE fails): statements whose rows and predicates are known up front go straight
 * to the engine's insert/update/delete, the rest run a compiled query for the affected rows first.
 */
public final class DmlPlanner {
  private DmlPlanner() {}

  public static StatementPlan plan(SqlPlanner planner, SqlPlanner.Converted converted) {
    if (!(converted.root().rel instanceof TableModify modify)) {
      throw new DstException(ErrorCode.UNSUPPORTED, "unsupported statement " + converted.validated().getKind());
    }
    DstTable table = modify.getTable().unwrap(DstTable.class);
    if (table == null) {
      throw new DstException(ErrorCode.UNSUPPORTED,
          "only tables can be modified, not " + String.join(".", modify.getTable().getQualifiedName()));
    }
    List<RelDataType> paramTypes = converted.parameterTypes();
    List<Integer> jdbcParamTypes = new ArrayList<>();
    for (RelDataType t : paramTypes) {
      jdbcParamTypes.add(SqlTypes.jdbcType(t.getSqlTypeName()));
    }
    RelNode input = modify.getInput();
    TableSchema schema = table.schema();
    switch (modify.getOperation()) {
      case INSERT: {
        List<Object[]> templates = templates(reduceValues(input), schema);
        if (templates != null) {
          return new InsertPlan(table, templates, null, jdbcParamTypes);
        }
        return new InsertPlan(table, null, compile(planner, input, paramTypes), jdbcParamTypes);
      }
      case DELETE: {
        Predicate filter = wholePredicate(input, schema);
        if (filter != null) {
          return new PredicateModifyPlan(table, filter, null, jdbcParamTypes);
        }
        return new RowwiseModifyPlan(table, compile(planner, input, paramTypes), null);
      }
      case UPDATE: {
        int[] columns = new int[modify.getUpdateColumnList().size()];
        for (int i = 0; i < columns.length; i++) {
          columns[i] = schema.requireColumn(modify.getUpdateColumnList().get(i));
        }
        if (input instanceof Project project && isIdentityPrefix(project, schema.columnCount())) {
          Map<Integer, Object> assignments = constantAssignments(project, columns, schema);
          Predicate filter = wholePredicate(project.getInput(), schema);
          if (assignments != null && filter != null && !assignsKey(columns, schema)) {
            return new PredicateModifyPlan(table, filter, assignments, jdbcParamTypes);
          }
        }
        return new RowwiseModifyPlan(table, compile(planner, input, paramTypes), columns);
      }
      default:
        throw new DstException(ErrorCode.UNSUPPORTED, modify.getOperation() + " is not supported");
    }
  }

  private static CompiledQuery compile(SqlPlanner planner, RelNode input, List<RelDataType> paramTypes) {
    return planner.compile(input, input.getRowType(), null, paramTypes);
  }

  private static boolean assignsKey(int[] columns, TableSchema schema) {
    for (int c : columns) {
      if (c == schema.primaryKeyIndex()) {
        return true;
      }
    }
    return false;
  }

  /** The engine predicate equivalent to the input's WHERE, or null if some part of it is not translatable. */
  private static Predicate wholePredicate(RelNode input, TableSchema schema) {
    if (input instanceof DstTableScan scan && scan.query().isPlainScan() && !scan.query().hasFilter()) {
      return Predicate.alwaysTrue();
    }
    if (input instanceof Filter filter && filter.getInput() instanceof DstTableScan scan
        && scan.query().isPlainScan() && !scan.query().hasFilter() && scan.query().projection() == null) {
      RexNode condition = RexUtil.expandSearch(filter.getCluster().getRexBuilder(), null, filter.getCondition());
      return new PredicateTranslator(schema, scan.query().outputColumns()).translate(condition).orElse(null);
    }
    return null;
  }

  private static boolean isIdentityPrefix(Project project, int n) {
    List<RexNode> exprs = project.getProjects();
    if (exprs.size() < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!(exprs.get(i) instanceof RexInputRef ref) || ref.getIndex() != i) {
        return false;
      }
    }
    return true;
  }

  private static Map<Integer, Object> constantAssignments(Project project, int[] columns, TableSchema schema) {
    int n = schema.columnCount();
    Map<Integer, Object> assignments = new HashMap<>();
    for (int i = 0; i < columns.length; i++) {
      Object value = Constants.of(project.getProjects().get(n + i), schema.columns().get(columns[i]).type());
      if (value == Constants.NOT_CONSTANT) {
        return null;
      }
      assignments.put(columns[i], value);
    }
    return assignments;
  }

  private static RelNode reduceValues(RelNode input) {
    HepProgram program = HepProgram.builder()
        .addRuleInstance(CoreRules.PROJECT_VALUES_MERGE)
        .build();
    HepPlanner hep = new HepPlanner(program, null, true, null, RelOptCostImpl.FACTORY);
    hep.setRoot(input);
    return hep.findBestExp();
  }

  /** Rows of literals and {@code ?} when the INSERT source is a VALUES list, else null. */
  private static List<Object[]> templates(RelNode input, TableSchema schema) {
    List<Object[]> rows = new ArrayList<>();
    return collect(input, schema, rows) ? rows : null;
  }

  private static boolean collect(RelNode rel, TableSchema schema, List<Object[]> out) {
    int n = schema.columnCount();
    if (rel instanceof Union union && union.all) {
      for (RelNode in : union.getInputs()) {
        if (!collect(in, schema, out)) {
          return false;
        }
      }
      return true;
    }
    if (rel instanceof Values values) {
      for (List<RexLiteral> tuple : values.getTuples()) {
        if (tuple.size() != n) {
          return false;
        }
        Object[] row = new Object[n];
        for (int c = 0; c < n; c++) {
          row[c] = Constants.of(tuple.get(c), schema.columns().get(c).type());
          if (row[c] == Constants.NOT_CONSTANT) {
            return false;
          }
        }
        out.add(row);
      }
      return true;
    }
    if (rel instanceof Project project && project.getInput() instanceof Values values
        && values.getTuples().size() == 1 && project.getProjects().size() == n) {
      List<RexLiteral> tuple = values.getTuples().get(0);
      Object[] row = new Object[n];
      for (int c = 0; c < n; c++) {
        RexNode e = project.getProjects().get(c);
        if (e instanceof RexInputRef ref) {
          e = tuple.get(ref.getIndex());
        }
        row[c] = Constants.of(e, schema.columns().get(c).type());
        if (row[c] == Constants.NOT_CONSTANT) {
          return false;
        }
      }
      out.add(row);
      return true;
    }
    return false;
  }
}
