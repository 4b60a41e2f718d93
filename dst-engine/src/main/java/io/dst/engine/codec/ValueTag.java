package io.dst.engine.codec;

/** The one-byte tags that prefix a self-describing value in log entries and snapshots. */
final class ValueTag {
  static final int NULL = 0;
  static final int STRING = 1;
  static final int INT = 2;
  static final int LONG = 3;
  static final int DOUBLE = 4;
  static final int TRUE = 5;
  static final int FALSE = 6;
  static final int BYTES = 7;
  static final int LIST = 8;

  private ValueTag() {}
}
