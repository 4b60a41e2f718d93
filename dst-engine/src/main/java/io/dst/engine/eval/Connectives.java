package io.dst.engine.eval;

import java.util.List;

/** AND, OR, NOT and TRUE over compiled predicates, with SQL three-valued logic. */
final class Connectives {
  private Connectives() {}

  static final class Always implements ChunkPredicate {
    @Override
    public void eval(int chunk, int rows, long[] t, long[] f) {
      Bits.fillRows(t, rows);
    }

    @Override
    public int test(int pos) {
      return TRUE;
    }
  }

  /** TRUE when all terms are TRUE, FALSE when any is FALSE, else UNKNOWN. */
  static final class And implements ChunkPredicate {
    private final ChunkPredicate[] terms;

    And(List<ChunkPredicate> terms) {
      this.terms = terms.toArray(new ChunkPredicate[0]);
    }

    @Override
    public void eval(int chunk, int rows, long[] t, long[] f) {
      Bits.fillRows(t, rows);
      long[] tt = Bits.newChunk();
      long[] ff = Bits.newChunk();
      for (ChunkPredicate term : terms) {
        java.util.Arrays.fill(tt, 0);
        java.util.Arrays.fill(ff, 0);
        term.eval(chunk, rows, tt, ff);
        boolean anyTrue = false;
        for (int w = 0; w < t.length; w++) {
          t[w] &= tt[w];
          f[w] |= ff[w];
          anyTrue |= t[w] != 0;
        }
        if (!anyTrue && allFalse(f, rows)) {
          return;
        }
      }
    }

    private static boolean allFalse(long[] f, int rows) {
      long[] all = Bits.newChunk();
      Bits.fillRows(all, rows);
      for (int w = 0; w < f.length; w++) {
        if (f[w] != all[w]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int test(int pos) {
      int result = TRUE;
      for (ChunkPredicate term : terms) {
        int r = term.test(pos);
        if (r == FALSE) {
          return FALSE;
        }
        if (r == UNKNOWN) {
          result = UNKNOWN;
        }
      }
      return result;
    }
  }

  /** TRUE when any term is TRUE, FALSE when all are FALSE, else UNKNOWN. */
  static final class Or implements ChunkPredicate {
    private final ChunkPredicate[] terms;

    Or(List<ChunkPredicate> terms) {
      this.terms = terms.toArray(new ChunkPredicate[0]);
    }

    @Override
    public void eval(int chunk, int rows, long[] t, long[] f) {
      Bits.fillRows(f, rows);
      long[] tt = Bits.newChunk();
      long[] ff = Bits.newChunk();
      for (ChunkPredicate term : terms) {
        java.util.Arrays.fill(tt, 0);
        java.util.Arrays.fill(ff, 0);
        term.eval(chunk, rows, tt, ff);
        for (int w = 0; w < t.length; w++) {
          t[w] |= tt[w];
          f[w] &= ff[w];
        }
      }
    }

    @Override
    public int test(int pos) {
      int result = FALSE;
      for (ChunkPredicate term : terms) {
        int r = term.test(pos);
        if (r == TRUE) {
          return TRUE;
        }
        if (r == UNKNOWN) {
          result = UNKNOWN;
        }
      }
      return result;
    }
  }

  /** Swaps TRUE and FALSE; UNKNOWN stays UNKNOWN. */
  static final class Not implements ChunkPredicate {
    private final ChunkPredicate term;

    Not(ChunkPredicate term) {
      this.term = term;
    }

    @Override
    public void eval(int chunk, int rows, long[] t, long[] f) {
      term.eval(chunk, rows, f, t);
    }

    @Override
    public int test(int pos) {
      int r = term.test(pos);
      return r == UNKNOWN ? UNKNOWN : 1 - r;
    }
  }
}
