package io.dst.sql.command;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.TableSchema;
import io.dst.grammar.ast.OrderItem;
import io.dst.grammar.ast.Projection;
import io.dst.grammar.ast.TableQuery;
import io.dst.sql.exec.CompiledQuery;
import io.dst.sql.exec.PlannerEnvironment;
import io.dst.sql.exec.SqlPlanner;
import io.dst.sql.schema.DstTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns {@code T.query (a, b) when ... order by x limit n} into a Calcite plan with RelBuilder
 * (scan, filter, sort/limit, project) and compiles it exactly as a SQL query is compiled, so the
 * same pushdown rules and executor serve both languages.
 */
public final class QueryCommandPlanner {
  private final PlannerEnvironment env;

  public QueryCommandPlanner(PlannerEnvironment env) {
    this.env = env;
  }

  public CompiledQuery plan(TableQuery query) {
    DstTable table = env.schema().table(query.table());
    if (table == null) {
      throw new DstException(ErrorCode.UNKNOWN_TABLE, query.position() + ": unknown table " + query.table());
    }
    TableSchema schema = table.schema();
    ConditionTranslator translator = new ConditionTranslator(schema, query.position());
    SqlPlanner planner = new SqlPlanner(env);
    RelBuilder b = planner.relBuilder();
    b.scan(schema.name());
    if (query.when().isPresent()) {
      b.filter(translator.toRex(query.when().get(), b));
    }
    if (!query.orderBy().isEmpty() || query.limit().isPresent()) {
      List<RexNode> keys = new ArrayList<>();
      for (OrderItem item : query.orderBy()) {
        RexNode field = b.field(translator.column(item.column()));
        keys.add(item.descending() ? b.desc(field) : field);
      }
      b.sortLimit(0, query.limit().isPresent() ? (int) Math.min(Integer.MAX_VALUE, query.limit().getAsLong()) : -1, keys);
    }
    if (query.projection() instanceof Projection.Columns columns) {
      List<RexNode> fields = new ArrayList<>();
      for (String name : columns.names()) {
        fields.add(b.field(translator.column(name)));
      }
      b.project(fields, columns.names(), true);
    }
    RelNode rel = b.build();
    List<String> tableNames = Collections.nCopies(rel.getRowType().getFieldCount(), schema.name());
    return planner.compile(rel, rel.getRowType(), tableNames, List.of());
  }
}
