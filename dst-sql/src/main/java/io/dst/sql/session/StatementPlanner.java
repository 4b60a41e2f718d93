package io.dst.sql.session;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.RowCursor;
import io.dst.sql.StatementResult;
import io.dst.sql.command.CommandDetector;
import io.dst.sql.command.CommandPlanner;
import io.dst.sql.ddl.DdlExecutor;
import io.dst.sql.ddl.DdlParser;
import io.dst.sql.ddl.DdlStatement;
import io.dst.sql.dml.DmlPlanner;
import io.dst.sql.exec.CompiledQuery;
import io.dst.sql.exec.DirectPlan;
import io.dst.sql.exec.KeyLookupPlan;
import io.dst.sql.exec.PlannerEnvironment;
import io.dst.sql.exec.SqlPlanner;
import io.dst.sql.exec.StatementPlan;
import io.dst.sql.rel.DstTableScan;
import io.dst.sql.rules.PredicateTranslator;
import io.dst.sql.schema.DstTable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Decides what kind of statement a text is and plans it: a command (the {@code x.y} head), CREATE
 * INDEX, DDL, EXPLAIN, a query (with the primary-key lookup fast path) or DML.
 */
final class StatementPlanner {
  private final PlannerEnvironment env;
  private final DdlExecutor ddl;

  StatementPlanner(PlannerEnvironment env) {
    this.env = env;
    this.ddl = new DdlExecutor(env.schema());
  }

  StatementPlan plan(String text, Supplier<Path> workingDirectory) {
    if (CommandDetector.isCommand(text)) {
      return new CommandPlanner(env).plan(text, workingDirectory);
    }
    if (DdlParser.handles(text)) {
      DdlStatement statement = DdlParser.parse(text);
      return new DirectPlan(List.of(), false, p -> ddl.execute(statement, new SqlPlanner(env)));
    }
    SqlNode node = SqlPlanner.parse(withoutTrailingSemicolon(text));
    SqlPlanner planner = new SqlPlanner(env);
    if (node instanceof SqlExplain explain) {
      return explain(planner, explain.getExplicandum());
    }
    SqlPlanner.Converted converted = planner.convert(node);
    if (node.getKind().belongsTo(SqlKind.DML)) {
      return DmlPlanner.plan(planner, converted);
    }
    if (!node.getKind().belongsTo(SqlKind.QUERY)) {
      throw new DstException(ErrorCode.UNSUPPORTED, "unsupported statement: " + node.getKind());
    }
    StatementPlan fast = keyLookup(converted);
    return fast != null ? fast : planner.compileQuery(converted);
  }

  /** Shells and scripts end statements with ';', which Calcite's single-statement parser rejects. */
  static String withoutTrailingSemicolon(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end > 0 && text.charAt(end - 1) == ';' ? text.substring(0, end - 1) : text;
  }

  private StatementPlan explain(SqlPlanner planner, SqlNode explicandum) {
    SqlPlanner.Converted converted = planner.convert(explicandum);
    String text;
    if (explicandum.getKind().belongsTo(SqlKind.DML)) {
      text = SqlPlanner.explain(converted.root().rel);
    } else {
      CompiledQuery compiled = planner.compileQuery(converted);
      text = compiled.explain();
    }
    var column = DirectPlan.column("PLAN", java.sql.Types.VARCHAR, false);
    String plan = text;
    return new DirectPlan(List.of(column), true,
        p -> new StatementResult.Rows(List.of(column), RowCursor.of(List.<Object[]>of(new Object[] {plan}))));
  }

  /** {@code SELECT cols FROM t WHERE pk = ? | literal} as a direct primary-key get, or null. */
  private StatementPlan keyLookup(SqlPlanner.Converted converted) {
    RelNode rel = converted.root().project();
    if (!(rel instanceof Project project) || !(project.getInput() instanceof Filter filter)
        || !(filter.getInput() instanceof DstTableScan scan) || !scan.query().isPlainScan()) {
      return null;
    }
    DstTable table = scan.dstTable();
    int pk = table.schema().primaryKeyIndex();
    if (pk < 0) {
      return null;
    }
    int[] projection = new int[project.getProjects().size()];
    for (int i = 0; i < projection.length; i++) {
      if (!(project.getProjects().get(i) instanceof RexInputRef ref)) {
        return null;
      }
      projection[i] = ref.getIndex();
    }
    RexNode condition = filter.getCondition();
    Object[] eq = new PredicateTranslator(table.schema(), scan.query().outputColumns()).equality(condition);
    if (eq == null || (Integer) eq[0] != pk) {
      return null;
    }
    List<Integer> paramTypes = converted.parameterTypes().stream()
        .map(t -> io.dst.sql.exec.SqlTypes.jdbcType(t.getSqlTypeName())).toList();
    return new KeyLookupPlan(table, eq[1], projection, converted.root().validatedRowType,
        converted.tableNames(), paramTypes);
  }
}
