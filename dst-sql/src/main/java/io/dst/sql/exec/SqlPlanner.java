package io.dst.sql.exec;

import io.dst.engine.DstException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.dst.sql.rel.DstScanExecutor;
import io.dst.sql.rel.DstTableScan;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans one statement: parse, validate, convert to relational algebra, optimize and compile. Holds
 * the per-statement Calcite state (catalog reader, cluster with its Volcano planner), so a new one is
 * made for each statement; it also expands views with the same settings as the statement itself.
 */
public final class SqlPlanner implements RelOptTable.ViewExpander {
  private final PlannerEnvironment env;
  private final CalciteCatalogReader catalogReader;
  private final RelOptCluster cluster;

  /** A validated statement and its relational form. */
  public record Converted(SqlNode validated, SqlValidator validator, RelRoot root) {
    public List<RelDataType> parameterTypes() {
      List<RelDataType> types = new ArrayList<>();
      for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
        types.add(f.getType());
      }
      return types;
    }

    /** The table each result column comes from, or null for computed columns. */
    public List<String> tableNames() {
      List<String> names = new ArrayList<>();
      List<List<String>> origins = validator.getFieldOrigins(validated);
      for (List<String> origin : origins) {
        names.add(origin == null || origin.size() < 2 ? null : origin.get(origin.size() - 2));
      }
      return names;
    }
  }

  public SqlPlanner(PlannerEnvironment env) {
    this.env = env;
    this.catalogReader = env.newCatalogReader();
    this.cluster = Optimizer.newCluster(new RexBuilder(env.typeFactory()));
  }

  public PlannerEnvironment env() {
    return env;
  }

  public RelOptCluster cluster() {
    return cluster;
  }

  public CalciteCatalogReader catalogReader() {
    return catalogReader;
  }

  public static SqlNode parse(String sql) {
    try {
      return SqlParser.create(sql, PlannerEnvironment.PARSER_CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  public SqlValidator newValidator() {
    return SqlValidatorUtil.newValidator(env.operatorTable(), catalogReader, env.typeFactory(),
        env.validatorConfig());
  }

  public RelBuilder relBuilder() {
    return RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(cluster, catalogReader);
  }

  /** Validates and converts a parsed query or DML statement. */
  public Converted convert(SqlNode node) {
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(node);
    SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false)
            .withInSubQueryThreshold(Integer.MAX_VALUE));
    RelRoot root = converter.convertQuery(validated, false, true);
    return new Converted(validated, validator, root);
  }

  /** Optimizes and compiles a query's relational form into a reusable plan. */
  public CompiledQuery compile(RelNode rel, RelDataType rowType, List<String> tableNames,
      List<RelDataType> parameterTypes) {
    RelNode logical = Optimizer.logical(rel, relBuilder());
    if (logical instanceof DstTableScan scan) {
      // Everything was pushed into the scan: run it directly, without Volcano or generated code.
      DstScanExecutor executor = new DstScanExecutor(scan.dstTable(), scan.query(), false);
      Bindable<Object[]> direct = context -> executor.rows(context);
      return new CompiledQuery(direct, Map.of(), env, parameterTypes, rowType, tableNames, explain(scan));
    }
    EnumerableRel best = Optimizer.physical(logical);
    Map<String, Object> stash = new HashMap<>();
    Bindable<?> bindable = EnumerableInterpretable.toBindable(stash, null, best, EnumerableRel.Prefer.ARRAY);
    return new CompiledQuery(bindable, stash, env, parameterTypes, rowType, tableNames, explain(best));
  }

  public CompiledQuery compileQuery(Converted converted) {
    RelNode rel = converted.root().project();
    RelDataType rowType = ResultLabels.apply(converted.validated(), converted.root().validatedRowType,
        env.typeFactory());
    return compile(rel, rowType, converted.tableNames(), converted.parameterTypes());
  }

  public static String explain(RelNode rel) {
    return RelOptUtil.dumpPlan("", rel, SqlExplainFormat.TEXT, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
  }

  @Override
  public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      List<String> viewPath) {
    try {
      SqlNode node = SqlParser.create(queryString, PlannerEnvironment.PARSER_CONFIG).parseQuery();
      SqlValidator validator = newValidator();
      SqlNode validated = validator.validate(node);
      SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
          StandardConvertletTable.INSTANCE,
          SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false)
              .withInSubQueryThreshold(Integer.MAX_VALUE));
      return converter.convertQuery(validated, false, false);
    } catch (SqlParseException e) {
      throw new DstException(io.dst.engine.ErrorCode.INTERNAL,
          "view " + String.join(".", viewPath) + " no longer parses: " + e.getMessage(), e);
    }
  }
}
