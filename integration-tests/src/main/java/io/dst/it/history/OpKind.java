package io.dst.it.history;

/**
 * What a client operation does. READ, WRITE and CAS act on a single-key register; INSERT adds a row
 * (identified by its value) to a set such as a table.
 */
public enum OpKind {
    READ,
    WRITE,
    /** Compare-and-set: replace the register's value with {@code value} only if it equals {@code expected}. */
    CAS,
    INSERT
}
