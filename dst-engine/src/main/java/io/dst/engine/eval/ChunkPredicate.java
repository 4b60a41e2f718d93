package io.dst.engine.eval;

/**
 * A predicate compiled against one partition's column vectors. It evaluates column-at-a-time over a
 * chunk into two bitsets, one bit per row: {@code t} for rows where it is TRUE and {@code f} for
 * rows where it is FALSE; rows in neither are UNKNOWN (SQL null). It can also test a single
 * position, for index lookups whose candidates need a recheck.
 */
public interface ChunkPredicate {
  int TRUE = 1;
  int FALSE = 0;
  int UNKNOWN = -1;

  /**
   * Fills {@code t} and {@code f} (each {@code Chunks.WORDS} longs, zeroed by the caller) for the
   * first {@code rows} positions of chunk {@code chunk}.
   */
  void eval(int chunk, int rows, long[] t, long[] f);

  /** TRUE, FALSE or UNKNOWN for one position. */
  int test(int pos);
}
