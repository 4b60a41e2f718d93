package io.dst.node.protocol;

import io.dst.engine.expr.Predicate;
import io.dst.engine.schema.TableSchema;
import java.util.List;
import java.util.Map;

/**
 * A write to one partition, as a client asks for it and as the partition's log stores it (encoded by
 * {@link CommandCodec}). Applying the same commands in the same order to the same state gives the
 * same state and results on every replica, so a command either fails on all of them or none.
 */
public sealed interface Command {
  record KvPut(String key, String value) implements Command {}

  record KvDelete(String key) implements Command {}

  record KvIncrement(String key, long delta) implements Command {}

  record KvAppend(String key, String suffix) implements Command {}

  record DictPut(String dict, Map<String, String> fields) implements Command {}

  record DictDelete(String dict, List<String> fields) implements Command {}

  record Insert(String table, List<Object[]> rows) implements Command {}

  record Update(String table, Predicate filter, Map<Integer, Object> assignments) implements Command {}

  record Delete(String table, Predicate filter) implements Command {}

  /** Adds a secondary index to the partition; the table's schema in ZooKeeper already has it. */
  record CreateIndex(String table, String indexName, List<String> columns) implements Command {}

  /** Creates the partition's table; the first entry of every table partition's log. */
  record CreateTable(TableSchema schema) implements Command {}
}
