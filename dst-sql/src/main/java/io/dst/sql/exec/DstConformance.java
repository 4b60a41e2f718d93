package io.dst.sql.exec;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's lenient SQL dialect, except that CHAR values of different lengths meeting in CASE, UNION
 * or VALUES become VARCHAR instead of being blank-padded ({@code 'big'} stays {@code big}, as in
 * PostgreSQL and H2), and an INSERT must supply every column it targets.
 */
public final class DstConformance extends SqlDelegatingConformance {
  public static final DstConformance INSTANCE = new DstConformance();

  private DstConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  /** INSERT must give a value for every column it names (or every column), as standard SQL says. */
  @Override
  public boolean isInsertSubsetColumnsAllowed() {
    return false;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
