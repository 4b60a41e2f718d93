package io.dst.engine.kv;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The kv keys of one {@code $kv} partition: each key maps to either a String (a str) or a {@link
 * DictValue} (a dict). Operations follow Redis: using a key as the wrong type fails with WRONG_TYPE
 * and changes nothing. Not thread-safe: it lives behind a {@link io.dst.engine.table.Guarded}.
 */
public final class KvPartition {
  private final HashMap<String, Object> entries = new HashMap<>();

  public long size() {
    return entries.size();
  }

  public KeyType type(String key) {
    Object v = entries.get(key);
    return v == null ? KeyType.NONE : v instanceof String ? KeyType.STR : KeyType.DICT;
  }

  private static DstException wrongType(String key, Object v, String wanted) {
    return new DstException(ErrorCode.WRONG_TYPE, "key \"" + key + "\" holds a "
        + (v instanceof String ? "str" : "dict") + ", not a " + wanted);
  }

  public String get(String key) {
    Object v = entries.get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw wrongType(key, v, "str");
  }

  public void put(String key, String value) {
    Object v = entries.get(key);
    if (v != null && !(v instanceof String)) {
      throw wrongType(key, v, "str");
    }
    entries.put(key, value);
  }

  public boolean delete(String key) {
    return entries.remove(key) != null;
  }

  public long incrementBy(String key, long delta) {
    String current = get(key);
    long base;
    try {
      base = current == null ? 0 : Long.parseLong(current);
    } catch (NumberFormatException e) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "str \"" + key + "\" holds \"" + current + "\", which is not an integer");
    }
    long next;
    try {
      next = Math.addExact(base, delta);
    } catch (ArithmeticException e) {
      throw new DstException(ErrorCode.INVALID_ARGUMENT,
          "incrementing str \"" + key + "\" (" + base + ") by " + delta + " would overflow a long");
    }
    entries.put(key, Long.toString(next));
    return next;
  }

  public long append(String key, String suffix) {
    String current = get(key);
    String next = current == null ? suffix : current + suffix;
    entries.put(key, next);
    return next.getBytes(StandardCharsets.UTF_8).length;
  }

  private DictValue dict(String key) {
    Object v = entries.get(key);
    if (v == null || v instanceof DictValue) {
      return (DictValue) v;
    }
    throw wrongType(key, v, "dict");
  }

  public int dictPut(String key, Map<String, String> fields) {
    DictValue d = dict(key);
    if (d == null) {
      if (fields.isEmpty()) {
        return 0;
      }
      d = new DictValue();
      entries.put(key, d);
    }
    int added = 0;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (d.put(e.getKey(), e.getValue())) {
        added++;
      }
    }
    return added;
  }

  public Map<String, String> dictGetAll(String key) {
    DictValue d = dict(key);
    return d == null ? new java.util.LinkedHashMap<>() : d.toMap();
  }

  public String dictGet(String key, String field) {
    DictValue d = dict(key);
    return d == null ? null : d.get(field);
  }

  public int dictDelete(String key, List<String> fields) {
    DictValue d = dict(key);
    if (d == null) {
      return 0;
    }
    int removed = 0;
    for (String f : fields) {
      if (d.remove(f)) {
        removed++;
      }
    }
    if (d.size() == 0) {
      entries.remove(key);
    }
    return removed;
  }

  public List<String> dictKeys(String key) {
    DictValue d = dict(key);
    return d == null ? new ArrayList<>() : d.fields();
  }

  public void keys(Predicate<String> match, List<String> out) {
    for (String k : entries.keySet()) {
      if (match.test(k)) {
        out.add(k);
      }
    }
  }

  /** Every key, sorted, for snapshots (sorted so equal contents give equal bytes). */
  public List<String> sortedKeys() {
    List<String> keys = new ArrayList<>(entries.keySet());
    keys.sort(null);
    return keys;
  }

  /** Every entry in key order: a String for a str, an insertion-ordered Map for a dict. */
  public Map<String, Object> export() {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (String k : sortedKeys()) {
      Object v = entries.get(k);
      out.put(k, v instanceof DictValue d ? d.toMap() : v);
    }
    return out;
  }

  /** A partition holding exactly the given entries (as {@link #export()} returns them). */
  @SuppressWarnings("unchecked")
  public static KvPartition of(Map<String, Object> entries) {
    KvPartition p = new KvPartition();
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      if (e.getValue() instanceof String s) {
        p.entries.put(e.getKey(), s);
      } else {
        p.dictPut(e.getKey(), (Map<String, String>) e.getValue());
      }
    }
    return p;
  }
}
