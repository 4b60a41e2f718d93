package io.dst.engine.eval;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.column.ByteDictionary;
import io.dst.engine.column.ColumnVector;
import io.dst.engine.column.DictVector;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.engine.table.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Binds a {@link Predicate} to one partition's column vectors, choosing a specialised leaf per
 * comparison: integral ranges over primitive arrays, per-distinct-value decisions for
 * dictionary-encoded strings, double arithmetic when a literal is fractional, and a per-row fallback
 * for the rest. Literals are checked against the column type here, before anything runs, and a
 * mismatch is a TYPE_MISMATCH naming the table and column.
 */
public final class PredicateCompiler {
  private final TableSchema schema;
  private final ColumnVector[] vectors;

  public PredicateCompiler(TableSchema schema, ColumnVector[] vectors) {
    this.schema = schema;
    this.vectors = vectors;
  }

  /** Checks column ordinals and literal types without binding to data. */
  public static void validate(TableSchema schema, Predicate p) {
    ColumnVector[] vs = new ColumnVector[schema.columnCount()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = ColumnVector.create(schema.columns().get(i).type());
    }
    new PredicateCompiler(schema, vs).compile(p);
  }

  public ChunkPredicate compile(Predicate p) {
    if (p instanceof Predicate.True) {
      return new Connectives.Always();
    }
    if (p instanceof Predicate.And a) {
      List<ChunkPredicate> terms = new ArrayList<>();
      for (Predicate t : a.terms()) {
        terms.add(compile(t));
      }
      return terms.size() == 1 ? terms.get(0) : new Connectives.And(terms);
    }
    if (p instanceof Predicate.Or o) {
      List<ChunkPredicate> terms = new ArrayList<>();
      for (Predicate t : o.terms()) {
        terms.add(compile(t));
      }
      return terms.size() == 1 ? terms.get(0) : new Connectives.Or(terms);
    }
    if (p instanceof Predicate.Not n) {
      return new Connectives.Not(compile(n.term()));
    }
    if (p instanceof Predicate.IsNull n) {
      return new IsNullLeaf(vectors[checkColumn(n.column())]);
    }
    if (p instanceof Predicate.Compare c) {
      return compare(checkColumn(c.column()), c.op(), c.value());
    }
    if (p instanceof Predicate.In in) {
      return in(checkColumn(in.column()), in.values());
    }
    if (p instanceof Predicate.Like l) {
      return like(checkColumn(l.column()), l.pattern(), l.escape());
    }
    throw new DstException(ErrorCode.UNSUPPORTED, "unsupported predicate " + p);
  }

  private int checkColumn(int column) {
    if (column < 0 || column >= schema.columnCount()) {
      throw new DstException(ErrorCode.UNKNOWN_COLUMN, "table " + schema.name() + " has no column #"
          + column + " (it has " + schema.columnCount() + " columns)");
    }
    return column;
  }

  private DstException mismatch(int column, String what, Object literal) {
    Column c = schema.columns().get(column);
    return new DstException(ErrorCode.TYPE_MISMATCH, "table " + schema.name() + ", column " + c.name()
        + ": cannot " + what + " a " + c.type() + " with " + Values.render(literal));
  }

  private ChunkPredicate compare(int column, CompareOp op, Object literal) {
    ColumnType type = schema.columns().get(column).type();
    ColumnVector v = vectors[column];
    if (type.array()) {
      Object lit = Values.convert(type, literal);
      if (lit == null) {
        throw mismatch(column, "compare", literal);
      }
      return new ObjectLeaf(v, x -> holds(op, ValueOrder.compare(x, lit)));
    }
    switch (type.element()) {
      case INT, LONG, TIMESTAMP -> {
        Long l = integral(type.element(), literal);
        if (l != null) {
          return longCompare(v, op, l);
        }
        if (literal instanceof Number n) {
          return new DoubleCompareLeaf(v, op, n.doubleValue());
        }
        throw mismatch(column, "compare", literal);
      }
      case DOUBLE -> {
        if (literal instanceof Number n) {
          return new DoubleCompareLeaf(v, op, n.doubleValue());
        }
        throw mismatch(column, "compare", literal);
      }
      case STRING, BYTES -> {
        Object lit = Values.scalar(type.element(), literal);
        if (lit == null) {
          throw mismatch(column, "compare", literal);
        }
        DictVector dv = (DictVector) v;
        if (op == CompareOp.EQ) {
          return new CodeSetLeaf(dv, dv.find(lit));
        }
        if (op == CompareOp.NE) {
          return new Connectives.Not(new CodeSetLeaf(dv, dv.find(lit)));
        }
        byte[] bytes = dv.toBytes(lit);
        ByteDictionary dict = dv.dictionary();
        boolean[] accept = new boolean[dict.size()];
        for (int code = 0; code < accept.length; code++) {
          accept[code] = holds(op, dict.compare(code, bytes));
        }
        return new CodeSetLeaf(dv, accept);
      }
      case BOOL -> {
        if (!(literal instanceof Boolean b)) {
          throw mismatch(column, "compare", literal);
        }
        return new ObjectLeaf(v, x -> holds(op, Boolean.compare((Boolean) x, b)));
      }
      default -> throw mismatch(column, "compare", literal);
    }
  }

  private static Long integral(ScalarType type, Object literal) {
    if (literal instanceof Integer || literal instanceof Long || literal instanceof Short
        || literal instanceof Byte) {
      return ((Number) literal).longValue();
    }
    if (literal instanceof BigInteger bi && bi.bitLength() < 64) {
      return bi.longValue();
    }
    if (literal instanceof BigDecimal bd) {
      try {
        return bd.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (literal instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
      return d.longValue();
    }
    if (type == ScalarType.TIMESTAMP && !(literal instanceof Number)) {
      Object ts = Values.scalar(ScalarType.TIMESTAMP, literal);
      return ts == null ? null : (Long) ts;
    }
    return null;
  }

  private static ChunkPredicate longCompare(ColumnVector v, CompareOp op, long l) {
    return switch (op) {
      case EQ -> new LongRangeLeaf(v, l, l, false);
      case NE -> new LongRangeLeaf(v, l, l, true);
      case LT -> l == Long.MIN_VALUE ? new LongRangeLeaf(v, 1, 0, false)
          : new LongRangeLeaf(v, Long.MIN_VALUE, l - 1, false);
      case LE -> new LongRangeLeaf(v, Long.MIN_VALUE, l, false);
      case GT -> l == Long.MAX_VALUE ? new LongRangeLeaf(v, 1, 0, false)
          : new LongRangeLeaf(v, l + 1, Long.MAX_VALUE, false);
      case GE -> new LongRangeLeaf(v, l, Long.MAX_VALUE, false);
    };
  }

  static boolean holds(CompareOp op, int cmp) {
    return switch (op) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
    };
  }

  private ChunkPredicate in(int column, List<Object> values) {
    ColumnType type = schema.columns().get(column).type();
    if (!type.array() && (type.element() == ScalarType.STRING || type.element() == ScalarType.BYTES)) {
      DictVector dv = (DictVector) vectors[column];
      boolean[] accept = new boolean[dv.dictionary().size()];
      for (Object value : values) {
        Object lit = Values.scalar(type.element(), value);
        if (lit == null) {
          throw mismatch(column, "look for", value);
        }
        int code = dv.find(lit);
        if (code >= 0) {
          accept[code] = true;
        }
      }
      return new CodeSetLeaf(dv, accept);
    }
    if (values.isEmpty()) {
      // x IN () is FALSE for every non-null x, UNKNOWN for null.
      return new ObjectLeaf(vectors[column], x -> false);
    }
    List<ChunkPredicate> terms = new ArrayList<>(values.size());
    for (Object value : values) {
      terms.add(compare(column, CompareOp.EQ, value));
    }
    return new Connectives.Or(terms);
  }

  private ChunkPredicate like(int column, String pattern, char escape) {
    ColumnType type = schema.columns().get(column).type();
    if (type.array() || type.element() != ScalarType.STRING) {
      throw mismatch(column, "match with LIKE", pattern);
    }
    Pattern re = LikePattern.compile(pattern, escape);
    DictVector dv = (DictVector) vectors[column];
    ByteDictionary dict = dv.dictionary();
    boolean[] accept = new boolean[dict.size()];
    for (int code = 0; code < accept.length; code++) {
      accept[code] = re.matcher(dict.string(code)).matches();
    }
    return new CodeSetLeaf(dv, accept);
  }
}
