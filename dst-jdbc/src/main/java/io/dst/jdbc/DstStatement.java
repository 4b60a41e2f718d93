package io.dst.jdbc;

import java.sql.Statement;

/**
 * What a Dst statement offers beyond JDBC: commands such as {@code str.put "k" "v"} answer with a
 * message ({@code "ok"}) rather than rows or an update count; reach it with
 * {@code statement.unwrap(DstStatement.class).lastMessage()}.
 */
public interface DstStatement extends Statement {
  /** The message the last executed command answered with, or null when it returned rows or a count. */
  String lastMessage();
}
