package io.dst.engine.codec;

import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import java.util.ArrayList;
import java.util.List;

/** Binary form of a {@link Predicate} tree, used by Update and Delete log entries. */
public final class PredicateCodec {
  private static final int TRUE = 0;
  private static final int COMPARE = 1;
  private static final int IN = 2;
  private static final int IS_NULL = 3;
  private static final int LIKE = 4;
  private static final int AND = 5;
  private static final int OR = 6;
  private static final int NOT = 7;

  private PredicateCodec() {}

  public static void write(BinaryOut out, Predicate p) {
    if (p instanceof Predicate.True) {
      out.writeByte(TRUE);
    } else if (p instanceof Predicate.Compare c) {
      out.writeByte(COMPARE).writeVarInt(c.column()).writeByte(c.op().ordinal()).writeValue(c.value());
    } else if (p instanceof Predicate.In in) {
      out.writeByte(IN).writeVarInt(in.column()).writeVarInt(in.values().size());
      for (Object v : in.values()) {
        out.writeValue(v);
      }
    } else if (p instanceof Predicate.IsNull n) {
      out.writeByte(IS_NULL).writeVarInt(n.column());
    } else if (p instanceof Predicate.Like l) {
      out.writeByte(LIKE).writeVarInt(l.column()).writeString(l.pattern()).writeVarInt(l.escape());
    } else if (p instanceof Predicate.And a) {
      out.writeByte(AND).writeVarInt(a.terms().size());
      a.terms().forEach(t -> write(out, t));
    } else if (p instanceof Predicate.Or o) {
      out.writeByte(OR).writeVarInt(o.terms().size());
      o.terms().forEach(t -> write(out, t));
    } else if (p instanceof Predicate.Not n) {
      out.writeByte(NOT);
      write(out, n.term());
    } else {
      throw new IllegalArgumentException("unknown predicate " + p);
    }
  }

  public static Predicate read(BinaryIn in) {
    return read(in, 0);
  }

  private static Predicate read(BinaryIn in, int depth) {
    if (depth > 1000) {
      throw in.corrupt("predicate nested deeper than 1000");
    }
    int tag = in.readByte();
    switch (tag) {
      case TRUE:
        return Predicate.alwaysTrue();
      case COMPARE: {
        int col = in.readCount(4096);
        int op = in.readByte();
        if (op >= CompareOp.values().length) {
          throw in.corrupt("unknown comparison operator " + op);
        }
        Object v = in.readValue();
        if (v == null) {
          throw in.corrupt("comparison with null");
        }
        return new Predicate.Compare(col, CompareOp.values()[op], v);
      }
      case IN: {
        int col = in.readCount(4096);
        int n = in.readCount(Integer.MAX_VALUE);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          Object v = in.readValue();
          if (v == null) {
            throw in.corrupt("null in an IN list");
          }
          values.add(v);
        }
        return new Predicate.In(col, values);
      }
      case IS_NULL:
        return new Predicate.IsNull(in.readCount(4096));
      case LIKE: {
        int col = in.readCount(4096);
        String pattern = in.readString();
        int esc = in.readVarInt();
        return new Predicate.Like(col, pattern, (char) esc);
      }
      case AND:
      case OR: {
        int n = in.readCount(Integer.MAX_VALUE);
        List<Predicate> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          terms.add(read(in, depth + 1));
        }
        return tag == AND ? new Predicate.And(terms) : new Predicate.Or(terms);
      }
      case NOT:
        return new Predicate.Not(read(in, depth + 1));
      default:
        throw in.corrupt("unknown predicate tag " + tag);
    }
  }
}
