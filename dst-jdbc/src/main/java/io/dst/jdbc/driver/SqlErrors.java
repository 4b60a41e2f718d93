package io.dst.jdbc.driver;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns what the database layers throw into the {@link SQLException} subclass JDBC callers expect,
 * carrying the SQLSTATE of the {@link ErrorCode} and the layer's user-facing message.
 */
public final class SqlErrors {
  /** SQLSTATE for "operation cancelled". */
  public static final String CANCELLED = "HY008";
  public static final String CLOSED = "08003";

  private SqlErrors() {}

  public static SQLException from(RuntimeException e) {
    if (e instanceof DstException dst) {
      return from(dst.code(), messageOf(e), e);
    }
    return new SQLException(messageOf(e), ErrorCode.INTERNAL.sqlState(), e);
  }

  public static SQLException from(ErrorCode code, String message, Throwable cause) {
    String state = code.sqlState();
    return switch (code) {
      case SYNTAX, UNKNOWN_TABLE, TABLE_EXISTS, UNKNOWN_COLUMN, WRONG_TYPE ->
          new SQLSyntaxErrorException(message, state, cause);
      case DUPLICATE_KEY, NOT_NULL_VIOLATION -> new SQLIntegrityConstraintViolationException(message, state, cause);
      case TYPE_MISMATCH, INVALID_ARGUMENT -> new SQLDataException(message, state, cause);
      case TIMEOUT -> new SQLTimeoutException(message, state, cause);
      case UNSUPPORTED -> new SQLFeatureNotSupportedException(message, state, cause);
      case NOT_PRIMARY, STALE_EPOCH, NOT_ENOUGH_REPLICAS -> new SQLTransientConnectionException(message, state, cause);
      case UNAVAILABLE -> new SQLNonTransientConnectionException(message, state, cause);
      default -> new SQLException(message, state, cause);
    };
  }

  public static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException("Dst does not support " + what, ErrorCode.UNSUPPORTED.sqlState());
  }

  public static SQLException closed(String what) {
    return new SQLException(what + " is closed", CLOSED);
  }

  private static String messageOf(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
