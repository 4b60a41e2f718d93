package io.dst.engine;

/**
 * Kinds of failure a client can act on. The codes travel over the wire and map to JDBC SQLSTATEs, so
 * their names and {@link #sqlState()} values are part of the protocol and must not be renumbered.
 */
public enum ErrorCode {
  SYNTAX("42000"),
  UNKNOWN_TABLE("42S02"),
  TABLE_EXISTS("42S01"),
  UNKNOWN_COLUMN("42S22"),
  TYPE_MISMATCH("22018"),
  DUPLICATE_KEY("23505"),
  NOT_NULL_VIOLATION("23502"),
  WRONG_TYPE("42809"),
  INVALID_ARGUMENT("22023"),
  CORRUPT_DATA("XX001"),
  NOT_PRIMARY("08D01"),
  STALE_EPOCH("08D02"),
  NOT_ENOUGH_REPLICAS("08D03"),
  UNAVAILABLE("08001"),
  TIMEOUT("HYT00"),
  UNSUPPORTED("0A000"),
  INTERNAL("XX000");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
