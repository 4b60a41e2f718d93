package io.dst.sql.exec;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's lenient SQL dialect, except that CHAR values of different lengths meeting in CASE, UNION
 * or VALUES become VARCHAR instead of being blank-padded ({@code 'big'} stays {@code big}, as in
 * PostgreSQL and H2).
 */
public final class DstConformance extends SqlDelegatingConformance {
  public static final DstConformance INSTANCE = new DstConformance();

  private DstConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
