package io.dst.sql.exec;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * Calcite's default type system, except that CHAR values of different lengths meeting in CASE,
 * UNION or VALUES become VARCHAR rather than being blank-padded, as users of H2 and PostgreSQL expect.
 */
public final class DstTypeSystem extends RelDataTypeSystemImpl {
  public static final DstTypeSystem INSTANCE = new DstTypeSystem();

  private DstTypeSystem() {}

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
