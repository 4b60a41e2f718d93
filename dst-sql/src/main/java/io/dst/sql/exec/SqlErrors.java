package io.dst.sql.exec;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.grammar.ParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever Calcite, the grammar or generated code threw into a {@link DstException} whose
 * message names the position and the problem in one sentence, with the {@link ErrorCode} a client can
 * act on. Internal failures keep their cause for the log but never leak a stack trace into the text.
 */
public final class SqlErrors {
  private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);
  private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("(Object|Table) '([^']*)' not found.*");
  private static final Pattern COLUMN_NOT_FOUND = Pattern.compile(".*Column '([^']*)' not found.*");
  private static final Pattern UNKNOWN_TARGET = Pattern.compile("Unknown target column '([^']*)'.*");

  private SqlErrors() {}

  public static DstException translate(Throwable t, String text) {
    if (t instanceof VirtualMachineError vm) {
      throw vm;
    }
    if ((t instanceof ExceptionInInitializerError || t instanceof java.lang.reflect.InvocationTargetException
        || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
      // generated code evaluates constants in static initializers and calls through reflection
      return translate(t.getCause(), text);
    }
    if (t instanceof DstException d) {
      return d;
    }
    if (t instanceof ParseException p) {
      return new DstException(ErrorCode.SYNTAX, p.getMessage(), p);
    }
    if (t instanceof SqlParseException p) {
      return syntax(p);
    }
    if (t instanceof CalciteContextException c) {
      return validation(c);
    }
    Throwable cause = t.getCause();
    if (cause != null && cause != t && (cause instanceof DstException || cause instanceof ExceptionInInitializerError
        || cause instanceof IllegalArgumentException || cause instanceof SqlParseException
        || cause instanceof CalciteContextException || cause instanceof ArithmeticException
        || cause instanceof NumberFormatException)) {
      return translate(cause, text);
    }
    if (t instanceof ArithmeticException a) {
      String msg = a.getMessage() != null && a.getMessage().contains("by zero") ? "division by zero"
          : "arithmetic error: " + a.getMessage();
      return new DstException(ErrorCode.INVALID_ARGUMENT, msg, a);
    }
    if (t instanceof NumberFormatException n) {
      return new DstException(ErrorCode.TYPE_MISMATCH, "cannot convert to a number: " + n.getMessage(), n);
    }
    if (t instanceof IllegalArgumentException i && i.getMessage() != null && i.getMessage().startsWith("Invalid ")) {
      return new DstException(ErrorCode.TYPE_MISMATCH, "cannot convert: " + firstLine(i.getMessage()), i);
    }
    if (cause != null && cause != t && cause.getCause() != null) {
      DstException inner = findDst(cause);
      if (inner != null) {
        return inner;
      }
    }
    LOG.debug("internal error for statement {}", text, t);
    String what = t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
    return new DstException(ErrorCode.INTERNAL, "internal error: " + what, t);
  }

  private static DstException findDst(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof DstException d) {
        return d;
      }
    }
    return null;
  }

  private static DstException syntax(SqlParseException p) {
    SqlParserPos pos = p.getPos();
    String message = firstLine(p.getMessage());
    int cut = message.indexOf(" at line ");
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    StringBuilder expected = new StringBuilder();
    if (p.getExpectedTokenNames() != null && !p.getExpectedTokenNames().isEmpty()) {
      int n = 0;
      for (String token : p.getExpectedTokenNames()) {
        if (n++ == 6) {
          expected.append(", ...");
          break;
        }
        expected.append(n == 1 ? "; expected one of " : ", ").append(token);
      }
    }
    String where = pos == null ? "" : "line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": ";
    return new DstException(ErrorCode.SYNTAX, "SQL syntax error at " + where + message + expected, p);
  }

  private static DstException validation(CalciteContextException c) {
    String problem = c.getCause() != null && c.getCause().getMessage() != null
        ? c.getCause().getMessage() : c.getMessage();
    String where = "line " + c.getPosLine() + ", column " + c.getPosColumn() + ": ";
    ErrorCode code = ErrorCode.SYNTAX;
    Matcher m;
    if ((m = OBJECT_NOT_FOUND.matcher(problem)).matches()) {
      code = ErrorCode.UNKNOWN_TABLE;
      problem = "unknown table " + m.group(2);
    } else if ((m = COLUMN_NOT_FOUND.matcher(problem)).matches()) {
      code = ErrorCode.UNKNOWN_COLUMN;
      problem = "unknown column " + m.group(1) + (problem.contains("any table") ? "" : " (" + problem + ")");
    } else if ((m = UNKNOWN_TARGET.matcher(problem)).matches()) {
      code = ErrorCode.UNKNOWN_COLUMN;
      problem = "unknown column " + m.group(1) + " in the target table";
    } else if (problem.startsWith("Cannot assign") || problem.startsWith("Cannot apply")
        || problem.contains("cannot be cast") || problem.startsWith("Values passed to")
        || problem.contains("incompatible") || problem.startsWith("Cannot infer return type")
        || problem.contains("Illegal mixing of types") || problem.startsWith("Cannot implicitly convert")) {
      code = ErrorCode.TYPE_MISMATCH;
    } else if (problem.contains("does not allow NULLs")) {
      code = ErrorCode.NOT_NULL_VIOLATION;
    } else if (problem.startsWith("Number of INSERT target columns")) {
      code = ErrorCode.INVALID_ARGUMENT;
    } else if (problem.startsWith("No match found for function")) {
      code = ErrorCode.UNSUPPORTED;
    }
    return new DstException(code, where + problem, c);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl).trim();
  }
}
