package io.dst.sql.rules;

import io.dst.engine.expr.CompareOp;
import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.engine.schema.TableSchema;
import io.dst.sql.rel.ParamRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates Calcite row expressions over a scan's output into engine {@link Predicate}s: comparisons
 * between a column and a literal or {@code ?}, AND/OR/NOT, IN (as OR of equalities), LIKE and IS
 * [NOT] NULL. Anything else (functions, casts of columns, column-to-column comparisons) is not
 * translatable and stays in a Calcite filter above the scan.
 */
public final class PredicateTranslator {
  private final TableSchema schema;
  private final int[] outputColumns;

  public PredicateTranslator(TableSchema schema, int[] outputColumns) {
    this.schema = schema;
    this.outputColumns = outputColumns;
  }

  public Optional<Predicate> translate(RexNode node) {
    return Optional.ofNullable(tr(node));
  }

  /** {@code column = value}: the column's table ordinal and the value, or null. */
  public Object[] equality(RexNode node) {
    if (node.getKind() != SqlKind.EQUALS) {
      return null;
    }
    Predicate p = tr(node);
    if (p instanceof Predicate.Compare c && c.op() == CompareOp.EQ) {
      return new Object[] {c.column(), c.value()};
    }
    return null;
  }

  private Predicate tr(RexNode node) {
    switch (node.getKind()) {
      case LITERAL:
        return Boolean.TRUE.equals(((RexLiteral) node).getValueAs(Boolean.class)) ? Predicate.alwaysTrue() : null;
      case INPUT_REF: {
        int col = column(node);
        return col >= 0 && type(col).element() == ScalarType.BOOL && !type(col).array()
            ? new Predicate.Compare(col, CompareOp.EQ, Boolean.TRUE) : null;
      }
      case IS_TRUE:
      case IS_FALSE: {
        RexNode operand = ((RexCall) node).getOperands().get(0);
        int col = column(operand);
        return col >= 0 && type(col).element() == ScalarType.BOOL && !type(col).array()
            ? new Predicate.Compare(col, CompareOp.EQ, node.getKind() == SqlKind.IS_TRUE) : null;
      }
      case AND: {
        List<Predicate> terms = all(((RexCall) node).getOperands());
        return terms == null ? null : new Predicate.And(terms);
      }
      case OR: {
        List<Predicate> terms = all(((RexCall) node).getOperands());
        return terms == null ? null : asInIfPossible(terms);
      }
      case NOT: {
        Predicate inner = tr(((RexCall) node).getOperands().get(0));
        return inner == null ? null : new Predicate.Not(inner);
      }
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison((RexCall) node);
      case IS_NULL:
      case IS_NOT_NULL: {
        int col = column(((RexCall) node).getOperands().get(0));
        if (col < 0) {
          return null;
        }
        Predicate isNull = new Predicate.IsNull(col);
        return node.getKind() == SqlKind.IS_NULL ? isNull : new Predicate.Not(isNull);
      }
      case LIKE:
        return like((RexCall) node);
      default:
        return null;
    }
  }

  private List<Predicate> all(List<RexNode> operands) {
    List<Predicate> out = new ArrayList<>(operands.size());
    for (RexNode o : operands) {
      Predicate p = tr(o);
      if (p == null) {
        return null;
      }
      out.add(p);
    }
    return out;
  }

  private static Predicate asInIfPossible(List<Predicate> terms) {
    int column = -1;
    List<Object> values = new ArrayList<>();
    for (Predicate t : terms) {
      if (!(t instanceof Predicate.Compare c) || c.op() != CompareOp.EQ
          || (column >= 0 && c.column() != column)) {
        return new Predicate.Or(terms);
      }
      column = c.column();
      values.add(c.value());
    }
    return new Predicate.In(column, values);
  }

  private Predicate comparison(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    CompareOp op = op(call.getKind());
    int col = column(left);
    RexNode valueNode = right;
    if (col < 0) {
      col = column(right);
      valueNode = left;
      op = op.flip();
    }
    if (col < 0) {
      return null;
    }
    Object value = value(valueNode, type(col));
    return value == null ? null : new Predicate.Compare(col, op, value);
  }

  private Predicate like(RexCall call) {
    if (!(call.getOperator() instanceof SqlLikeOperator likeOp) || !likeOp.isCaseSensitive()) {
      return null;
    }
    int col = column(call.getOperands().get(0));
    if (col < 0 || type(col).array() || type(col).element() != ScalarType.STRING
        || !(call.getOperands().get(1) instanceof RexLiteral pattern)) {
      return null;
    }
    String text = pattern.getValueAs(String.class);
    char escape = 0;
    if (call.getOperands().size() > 2) {
      if (!(call.getOperands().get(2) instanceof RexLiteral esc)) {
        return null;
      }
      String e = esc.getValueAs(String.class);
      if (e == null || e.length() != 1) {
        return null;
      }
      escape = e.charAt(0);
    }
    if (text == null) {
      return null;
    }
    Predicate like = new Predicate.Like(col, text, escape);
    return likeOp.isNegated() ? new Predicate.Not(like) : like;
  }

  private static CompareOp op(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> CompareOp.EQ;
      case NOT_EQUALS -> CompareOp.NE;
      case LESS_THAN -> CompareOp.LT;
      case LESS_THAN_OR_EQUAL -> CompareOp.LE;
      case GREATER_THAN -> CompareOp.GT;
      case GREATER_THAN_OR_EQUAL -> CompareOp.GE;
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  private int column(RexNode node) {
    if (node instanceof RexInputRef ref && ref.getIndex() < outputColumns.length) {
      return outputColumns[ref.getIndex()];
    }
    return -1;
  }

  private ColumnType type(int column) {
    return schema.columns().get(column).type();
  }

  /** The engine value for a literal or parameter compared with a column of {@code type}, or null. */
  public static Object value(RexNode node, ColumnType type) {
    if (node instanceof RexDynamicParam param) {
      return type.array() ? null : new ParamRef(param.getIndex());
    }
    if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexDynamicParam p) {
      return type.array() ? null : new ParamRef(p.getIndex());
    }
    if (!(node instanceof RexLiteral literal) || literal.isNull() || type.array()) {
      return null;
    }
    SqlTypeName literalType = literal.getType().getSqlTypeName();
    SqlTypeFamily family = literalType.getFamily();
    try {
      switch (type.element()) {
        case STRING:
          return family == SqlTypeFamily.CHARACTER ? literal.getValueAs(String.class) : null;
        case INT:
          return family == SqlTypeFamily.NUMERIC ? literal.getValueAs(BigDecimal.class).intValueExact() : null;
        case LONG:
          return family == SqlTypeFamily.NUMERIC ? literal.getValueAs(BigDecimal.class).longValueExact() : null;
        case DOUBLE:
          return family == SqlTypeFamily.NUMERIC ? literal.getValueAs(BigDecimal.class).doubleValue() : null;
        case BOOL:
          return literalType == SqlTypeName.BOOLEAN ? literal.getValueAs(Boolean.class) : null;
        case BYTES:
          return family == SqlTypeFamily.BINARY ? literal.getValueAs(ByteString.class).getBytes() : null;
        case TIMESTAMP:
          return literalType == SqlTypeName.TIMESTAMP ? literal.getValueAs(Long.class) : null;
        default:
          return null;
      }
    } catch (ArithmeticException | IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }
}
