package io.dst.sql.exec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What generated plan code reads while it runs: {@code ?} parameter values (as {@code "?0"},
 * {@code "?1"}, ... in Calcite's internal form), objects the plan stashed at compile time, the
 * statement's cancel flag, and the clock. Time is UTC, matching how Dst stores timestamps.
 */
public final class DstDataContext implements DataContext {
  private final SchemaPlus rootSchema;
  private final JavaTypeFactory typeFactory;
  private final Map<String, Object> stashed;
  private final List<Object> parameters;
  private final AtomicBoolean cancelFlag;
  private final long now = System.currentTimeMillis();

  public DstDataContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, Map<String, Object> stashed,
      List<Object> parameters, AtomicBoolean cancelFlag) {
    this.rootSchema = rootSchema;
    this.typeFactory = typeFactory;
    this.stashed = stashed;
    this.parameters = parameters;
    this.cancelFlag = cancelFlag;
  }

  @Override
  public SchemaPlus getRootSchema() {
    return rootSchema;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    if (name.startsWith("?")) {
      int index = Integer.parseInt(name.substring(1));
      return index < parameters.size() ? parameters.get(index) : null;
    }
    Object value = stashed.get(name);
    if (value != null) {
      return value;
    }
    return switch (name) {
      case "cancelFlag" -> cancelFlag;
      case "currentTimestamp", "localTimestamp", "utcTimestamp" -> now;
      case "timeZone" -> TimeZone.getTimeZone("UTC");
      case "locale" -> Locale.ROOT;
      case "user", "systemUser" -> "dst";
      default -> null;
    };
  }
}
