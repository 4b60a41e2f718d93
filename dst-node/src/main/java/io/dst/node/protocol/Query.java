package io.dst.node.protocol;

import io.dst.engine.expr.AggregateSpec;
import io.dst.engine.expr.ScanSpec;

/** A read of one partition's applied state, answered by its primary. */
public sealed interface Query {
  record KvGet(String key) implements Query {}

  record KvExists(String key) implements Query {}

  record KvType(String key) implements Query {}

  /** Milliseconds until the key expires by the primary's clock, or KvStore.TTL_NONE / TTL_ABSENT. */
  record KvTtl(String key) implements Query {}

  /**
   * The str values of several keys of one partition (a pipelined run of GETs): one [null, value]
   * or [error code, message] pair per key, so a key of the wrong type fails alone.
   */
  record KvMultiGet(java.util.List<String> keys) implements Query {
    public KvMultiGet {
      keys = java.util.List.copyOf(keys);
    }
  }

  record DictGetAll(String dict) implements Query {}

  record DictGet(String dict, String field) implements Query {}

  record DictKeys(String dict) implements Query {}

  record KvKeys(String pattern) implements Query {}

  record KvSize() implements Query {}

  record RowCount(String table) implements Query {}

  record Scan(String table, ScanSpec spec) implements Query {}

  record Aggregate(String table, AggregateSpec spec) implements Query {}

  record GetRow(String table, Object primaryKey) implements Query {}

  record Lookup(String table, int column, Object value, int[] projection) implements Query {}
}
