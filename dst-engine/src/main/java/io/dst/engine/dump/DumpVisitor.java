package io.dst.engine.dump;

import io.dst.engine.schema.TableSchema;
import java.util.List;
import java.util.Map;

/**
 * Receives a dump's contents from {@link DumpReader} in file order, each block only after its
 * checksum has been verified. Every method does nothing by default (a verify-only read).
 */
public interface DumpVisitor {
  default void header(DumpHeader header) {}

  /** A table's definition and the partition count it had in the source. */
  default void table(TableSchema schema, int partitions) {}

  /** A batch of full rows of the table announced last, in schema column order. */
  default void rows(TableSchema schema, List<Object[]> rows) {}

  /** A str key; {@code expiresAtMillis} is its epoch-ms deadline or {@code KvStore.NO_EXPIRY}. */
  default void str(String key, String value, long expiresAtMillis) {}

  /** A dict key; {@code expiresAtMillis} is its epoch-ms deadline or {@code KvStore.NO_EXPIRY}. */
  default void dict(String key, Map<String, String> fields, long expiresAtMillis) {}
}
