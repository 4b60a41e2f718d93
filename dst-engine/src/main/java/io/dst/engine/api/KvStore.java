package io.dst.engine.api;

import java.util.List;
import java.util.Map;

/**
 * The typed key-value side of Dst: {@code str} keys hold a string, {@code dict} keys hold a map of
 * string fields to string values (kept in insertion order). Using a key as the other type fails with
 * {@link io.dst.engine.ErrorCode#WRONG_TYPE}, as Redis's WRONGTYPE does. The same data is served by the
 * command language and, later, the Redis protocol.
 */
public interface KvStore {
  /** The str value, or null when absent. */
  String get(String key);

  void put(String key, String value);

  /** Deletes the key whatever its type; true when it existed. */
  boolean delete(String key);

  boolean exists(String key);

  KeyType type(String key);

  /** Adds delta to a str holding a decimal long (absent counts as 0) and returns the new value. */
  long incrementBy(String key, long delta);

  /** Appends to a str (absent counts as empty) and returns the new length in UTF-8 bytes. */
  long append(String key, String suffix);

  /** Puts fields into a dict, creating it; returns how many fields were new. */
  int dictPut(String dict, Map<String, String> fields);

  /** All fields of a dict in insertion order; empty when absent. */
  Map<String, String> dictGetAll(String dict);

  /** One field's value, or null. */
  String dictGet(String dict, String field);

  /** Removes fields; returns how many existed. The dict disappears when its last field goes. */
  int dictDelete(String dict, List<String> fields);

  List<String> dictKeys(String dict);

  /** Keys matching a Redis-style glob ({@code *}, {@code ?}, {@code [abc]}), in no set order. */
  List<String> keys(String globPattern);

  long size();
}
