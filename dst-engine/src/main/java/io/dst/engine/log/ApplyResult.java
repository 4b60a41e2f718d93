package io.dst.engine.log;

import io.dst.engine.DstException;

/**
 * What applying one {@link Mutation} gave: a value (the count of rows written, whether a table was
 * created, the new counter value, ...; null for plain puts) or the error that rejected it. A
 * rejected mutation changed nothing, and every replica applying it rejects it with the same error.
 */
public record ApplyResult(Object value, DstException error) {
  public static ApplyResult ok(Object value) {
    return new ApplyResult(value, null);
  }

  public static ApplyResult failed(DstException error) {
    return new ApplyResult(null, error);
  }

  public boolean isOk() {
    return error == null;
  }

  /** The value, or the error thrown. */
  public Object orThrow() {
    if (error != null) {
      // A fresh exception so the caller's stack shows where it was rethrown.
      throw new DstException(error.code(), error.getMessage(), error);
    }
    return value;
  }

  public int intValue() {
    return ((Number) orThrow()).intValue();
  }

  public long longValue() {
    return ((Number) orThrow()).longValue();
  }

  public boolean booleanValue() {
    return (Boolean) orThrow();
  }
}
