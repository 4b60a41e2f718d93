package io.dst.sql.dml;

import io.dst.engine.schema.ColumnType;
import io.dst.sql.rel.ParamRef;
import java.math.BigDecimal;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Reads a value a DML statement writes when it is known without running a query: a literal (in the
 * target column's engine class), a {@code ?} ({@link ParamRef}), or either under a CAST. Anything
 * else is {@link #NOT_CONSTANT} and the statement takes the general, query-driven path.
 */
final class Constants {
  static final Object NOT_CONSTANT = new Object();

  private Constants() {}

  static Object of(RexNode node, ColumnType type) {
    if (node instanceof RexDynamicParam p) {
      return new ParamRef(p.getIndex());
    }
    if (node.getKind() == SqlKind.CAST) {
      return of(((RexCall) node).getOperands().get(0), type);
    }
    if (!(node instanceof RexLiteral literal)) {
      return NOT_CONSTANT;
    }
    if (literal.isNull()) {
      return null;
    }
    if (type.array()) {
      return NOT_CONSTANT;
    }
    SqlTypeName literalType = literal.getType().getSqlTypeName();
    SqlTypeFamily family = literalType.getFamily();
    try {
      switch (type.element()) {
        case STRING:
          return family == SqlTypeFamily.CHARACTER ? literal.getValueAs(String.class) : NOT_CONSTANT;
        case INT:
          return family == SqlTypeFamily.NUMERIC ? literal.getValueAs(BigDecimal.class).intValueExact() : NOT_CONSTANT;
        case LONG:
          return family == SqlTypeFamily.NUMERIC ? literal.getValueAs(BigDecimal.class).longValueExact() : NOT_CONSTANT;
        case DOUBLE:
          return family == SqlTypeFamily.NUMERIC ? literal.getValueAs(BigDecimal.class).doubleValue() : NOT_CONSTANT;
        case BOOL:
          return literalType == SqlTypeName.BOOLEAN ? literal.getValueAs(Boolean.class) : NOT_CONSTANT;
        case BYTES:
          return family == SqlTypeFamily.BINARY ? literal.getValueAs(ByteString.class).getBytes() : NOT_CONSTANT;
        case TIMESTAMP:
          return literalType == SqlTypeName.TIMESTAMP ? literal.getValueAs(Long.class) : NOT_CONSTANT;
        default:
          return NOT_CONSTANT;
      }
    } catch (ArithmeticException | IllegalArgumentException | NullPointerException e) {
      return NOT_CONSTANT;
    }
  }
}
