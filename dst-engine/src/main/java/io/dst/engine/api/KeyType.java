package io.dst.engine.api;

/** What a kv key holds: nothing, a str value, or a dict. A key holds one type at a time. */
public enum KeyType {
  NONE, STR, DICT
}
