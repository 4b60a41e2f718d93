package io.dst.sql.command;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.TableSchema;
import io.dst.grammar.ast.Condition;
import io.dst.grammar.ast.Literal;
import io.dst.grammar.ast.SourcePosition;
import io.dst.sql.schema.DstTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.TimestampString;

/**
 * Translates a command's {@code when} condition, checking each column exists and each literal fits
 * its column's type: to an engine {@link Predicate} for delete/update, or to a Calcite row expression
 * for a query plan (which the planner then pushes back into the scan).
 */
public final class ConditionTranslator {
  private final TableSchema schema;
  private final SourcePosition at;

  public ConditionTranslator(TableSchema schema, SourcePosition at) {
    this.schema = schema;
    this.at = at;
  }

  public int column(String name) {
    int c = schema.columnIndex(name);
    if (c < 0) {
      throw new DstException(ErrorCode.UNKNOWN_COLUMN, at + ": table " + schema.name() + " has no column " + name);
    }
    return c;
  }

  private Object value(int column, Literal literal) {
    return LiteralCoercion.coerce(literal, schema.columns().get(column), at);
  }

  public Predicate toPredicate(Condition condition) {
    if (condition instanceof Condition.Compare c) {
      int col = column(c.column());
      Object v = value(col, c.value());
      return new Predicate.Compare(col, CompareOp.valueOf(c.op().name()), v);
    }
    if (condition instanceof Condition.In in) {
      int col = column(in.column());
      List<Object> values = new ArrayList<>();
      for (Literal l : in.values()) {
        Object v = value(col, l);
        if (v != null) {
          values.add(v);
        }
      }
      return new Predicate.In(col, values);
    }
    if (condition instanceof Condition.IsNull n) {
      return new Predicate.IsNull(column(n.column()));
    }
    if (condition instanceof Condition.And and) {
      return new Predicate.And(and.terms().stream().map(this::toPredicate).toList());
    }
    if (condition instanceof Condition.Or or) {
      return new Predicate.Or(or.terms().stream().map(this::toPredicate).toList());
    }
    if (condition instanceof Condition.Not not) {
      return new Predicate.Not(toPredicate(not.term()));
    }
    throw new DstException(ErrorCode.UNSUPPORTED, at + ": unsupported condition " + condition);
  }

  public RexNode toRex(Condition condition, RelBuilder b) {
    if (condition instanceof Condition.Compare c) {
      int col = column(c.column());
      return b.call(operator(c.op().name()), b.field(col), literal(b, col, value(col, c.value())));
    }
    if (condition instanceof Condition.In in) {
      int col = column(in.column());
      List<RexNode> values = new ArrayList<>();
      for (Literal l : in.values()) {
        Object v = value(col, l);
        if (v != null) {
          values.add(literal(b, col, v));
        }
      }
      if (values.isEmpty()) {
        return b.literal(false);
      }
      List<RexNode> equalities = new ArrayList<>();
      for (RexNode v : values) {
        equalities.add(b.equals(b.field(col), v));
      }
      return equalities.size() == 1 ? equalities.get(0) : b.or(equalities);
    }
    if (condition instanceof Condition.IsNull n) {
      return b.isNull(b.field(column(n.column())));
    }
    if (condition instanceof Condition.And and) {
      return b.and(and.terms().stream().map(t -> toRex(t, b)).toList());
    }
    if (condition instanceof Condition.Or or) {
      return b.or(or.terms().stream().map(t -> toRex(t, b)).toList());
    }
    if (condition instanceof Condition.Not not) {
      return b.not(toRex(not.term(), b));
    }
    throw new DstException(ErrorCode.UNSUPPORTED, at + ": unsupported condition " + condition);
  }

  private static SqlOperator operator(String op) {
    return switch (op) {
      case "EQ" -> SqlStdOperatorTable.EQUALS;
      case "NE" -> SqlStdOperatorTable.NOT_EQUALS;
      case "LT" -> SqlStdOperatorTable.LESS_THAN;
      case "LE" -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
      case "GT" -> SqlStdOperatorTable.GREATER_THAN;
      default -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
    };
  }

  private RexNode literal(RelBuilder b, int col, Object value) {
    RexBuilder rex = b.getRexBuilder();
    Column column = schema.columns().get(col);
    RelDataType type = DstTypes.relType(b.getTypeFactory(), column.type(), false);
    if (column.type().array()) {
      throw new DstException(ErrorCode.UNSUPPORTED, at + ": cannot compare array column " + column.name());
    }
    return switch (column.type().element()) {
      case STRING -> rex.makeLiteral((String) value);
      case INT, LONG -> rex.makeExactLiteral(BigDecimal.valueOf(((Number) value).longValue()), type);
      case DOUBLE -> rex.makeApproxLiteral(BigDecimal.valueOf((Double) value), type);
      case BOOL -> rex.makeLiteral((Boolean) value);
      case BYTES -> rex.makeBinaryLiteral(new ByteString((byte[]) value));
      case TIMESTAMP -> rex.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch((Long) value), 3);
    };
  }
}
