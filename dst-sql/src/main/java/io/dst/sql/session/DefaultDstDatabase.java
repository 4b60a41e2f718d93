package io.dst.sql.session;

import io.dst.engine.api.DataStore;
import io.dst.sql.DstDatabase;
import io.dst.sql.DstSession;
import io.dst.sql.cache.PlanCache;
import io.dst.sql.exec.PlannerEnvironment;
import io.dst.sql.exec.SqlErrors;
import io.dst.sql.exec.StatementPlan;
import io.dst.sql.schema.DstSchema;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The SQL layer over one {@link DataStore}: the Calcite schema, the planner settings, and the plan
 * cache all sessions share. Closing it does not close the store, which belongs to whoever opened it.
 */
public final class DefaultDstDatabase implements DstDatabase {
  private static final int CACHE_CAPACITY = 2048;

  private final DataStore store;
  private final DstSchema schema;
  private final PlannerEnvironment env;
  private final PlanCache cache = new PlanCache(CACHE_CAPACITY);
  private final StatementPlanner planner;

  public DefaultDstDatabase(DataStore store) {
    this.store = store;
    this.schema = new DstSchema(store);
    this.env = new PlannerEnvironment(schema);
    this.planner = new StatementPlanner(env);
  }

  @Override
  public DataStore store() {
    return store;
  }

  @Override
  public DstSession openSession() {
    return new DefaultDstSession(this);
  }

  /** The cached plan for this text, or a new one (cached when it may be). */
  StatementPlan plan(String text, Supplier<Path> workingDirectory) {
    long version = schema.version();
    StatementPlan plan = cache.get(text, version);
    if (plan != null) {
      return plan;
    }
    try {
      plan = planner.plan(text, workingDirectory);
    } catch (RuntimeException | Error e) {
      throw SqlErrors.translate(e, text);
    }
    cache.put(text, plan, version);
    return plan;
  }

  /** Drops every cached plan (DDL does this through the catalog version as well). */
  public void clearPlanCache() {
    cache.clear();
  }

  public int cachedPlans() {
    return cache.size();
  }

  @Override
  public void close() {
    cache.clear();
  }
}
