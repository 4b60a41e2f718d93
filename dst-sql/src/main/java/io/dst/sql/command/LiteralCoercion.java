package io.dst.sql.command;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.ColumnType;
import io.dst.engine.schema.ScalarType;
import io.dst.grammar.ast.Literal;
import io.dst.grammar.ast.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Types a command-language literal against the column it is written for: integers fit int or long
 * columns (range-checked) and widen to double, strings fill string columns and parse as timestamps,
 * arrays are lists of their element type. A mismatch is a TYPE_MISMATCH naming the position.
 */
public final class LiteralCoercion {
  private LiteralCoercion() {}

  public static Object coerce(Literal literal, Column column, SourcePosition at) {
    if (literal instanceof Literal.NullLiteral) {
      return null;
    }
    ColumnType type = column.type();
    if (type.array()) {
      if (!(literal instanceof Literal.ArrayLiteral array)) {
        throw mismatch(literal, column, at);
      }
      List<Object> out = new ArrayList<>();
      for (Literal element : array.elements()) {
        out.add(element instanceof Literal.NullLiteral ? null : scalar(element, type.element(), column, at));
      }
      return Collections.unmodifiableList(out);
    }
    return scalar(literal, type.element(), column, at);
  }

  private static Object scalar(Literal literal, ScalarType type, Column column, SourcePosition at) {
    switch (type) {
      case STRING:
        if (literal instanceof Literal.StringLiteral s) {
          return s.value();
        }
        break;
      case INT:
        if (literal instanceof Literal.IntegerLiteral i) {
          if (i.longValue() < Integer.MIN_VALUE || i.longValue() > Integer.MAX_VALUE) {
            throw new DstException(ErrorCode.TYPE_MISMATCH, at + ": " + i.longValue()
                + " is out of range for column " + column.name() + " of type int");
          }
          return (int) i.longValue();
        }
        break;
      case LONG:
        if (literal instanceof Literal.IntegerLiteral i) {
          return i.longValue();
        }
        break;
      case DOUBLE:
        if (literal instanceof Literal.IntegerLiteral i) {
          return (double) i.longValue();
        }
        if (literal instanceof Literal.DecimalLiteral d) {
          return d.doubleValue();
        }
        break;
      case BOOL:
        if (literal instanceof Literal.BoolLiteral b) {
          return b.boolValue();
        }
        break;
      case BYTES:
        if (literal instanceof Literal.StringLiteral s) {
          return s.value().getBytes(StandardCharsets.UTF_8);
        }
        break;
      case TIMESTAMP:
        if (literal instanceof Literal.IntegerLiteral i) {
          return i.longValue();
        }
        if (literal instanceof Literal.StringLiteral s) {
          Long millis = parseTimestamp(s.value());
          if (millis != null) {
            return millis;
          }
        }
        break;
      default:
        break;
    }
    throw mismatch(literal, column, at);
  }

  private static Long parseTimestamp(String text) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      // not ISO-8601 with a zone; try the SQL form below
    }
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static DstException mismatch(Literal literal, Column column, SourcePosition at) {
    return new DstException(ErrorCode.TYPE_MISMATCH, at + ": column " + column.name() + " is of type "
        + column.type() + " but " + shown(literal) + " is " + kind(literal));
  }

  private static String shown(Literal literal) {
    if (literal instanceof Literal.StringLiteral s) {
      return "\"" + s.value() + "\"";
    }
    return String.valueOf(literal.value());
  }

  private static String kind(Literal literal) {
    if (literal instanceof Literal.StringLiteral) {
      return "a string";
    }
    if (literal instanceof Literal.IntegerLiteral) {
      return "an integer";
    }
    if (literal instanceof Literal.DecimalLiteral) {
      return "a decimal";
    }
    if (literal instanceof Literal.BoolLiteral) {
      return "a boolean";
    }
    if (literal instanceof Literal.ArrayLiteral) {
      return "an array";
    }
    return "null";
  }
}
