package io.dst.engine.kv;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.KeyType;
import io.dst.engine.api.KvStore;
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
 *
 * <p>Expiry deadlines (absolute epoch ms) live in a side map holding only the keys that have one,
 * so keys without a deadline cost nothing extra. The partition never reads a clock: mutations
 * bring the time they were decided at, and readers pass theirs to {@link #expired}.
 */
public final class KvPartition {
  private final HashMap<String, Object> entries = new HashMap<>();
  private final HashMap<String, Long> deadlines = new HashMap<>();

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
    if (!deadlines.isEmpty()) {
      deadlines.remove(key);
    }
  }

  public boolean delete(String key) {
    if (!deadlines.isEmpty()) {
      deadlines.remove(key);
    }
    return entries.remove(key) != null;
  }

  // ------------------------------------------------------------------ expiry

  /** Whether {@code key} has a deadline that is not after {@code nowMillis} (so reads as absent). */
  public boolean expired(String key, long nowMillis) {
    if (deadlines.isEmpty()) {
      return false;
    }
    Long d = deadlines.get(key);
    return d != null && d <= nowMillis;
  }

  /** Whether any key here has a deadline; a cheap guard before asking about one key. */
  public boolean hasDeadlines() {
    return !deadlines.isEmpty();
  }

  /** The key's deadline, or {@link KvStore#NO_EXPIRY}. */
  public long deadline(String key) {
    if (deadlines.isEmpty()) {
      return KvStore.NO_EXPIRY;
    }
    Long d = deadlines.get(key);
    return d == null ? KvStore.NO_EXPIRY : d;
  }

  /** Milliseconds left, {@link KvStore#TTL_NONE} or {@link KvStore#TTL_ABSENT}, as of {@code now}. */
  public long ttlMillis(String key, long nowMillis) {
    if (!entries.containsKey(key) || expired(key, nowMillis)) {
      return KvStore.TTL_ABSENT;
    }
    long d = deadline(key);
    return d == KvStore.NO_EXPIRY ? KvStore.TTL_NONE : d - nowMillis;
  }

  /** Removes the key if it is due at {@code nowMillis}, as if its expiry had already run. */
  private void dropIfDue(String key, long nowMillis) {
    if (expired(key, nowMillis)) {
      deadlines.remove(key);
      entries.remove(key);
    }
  }

  /** Conditional, expiring set (see {@link io.dst.engine.log.Mutation.StrSet}). */
  public boolean set(String key, String value, KvStore.SetCondition condition, long expiresAtMillis,
      long nowMillis) {
    dropIfDue(key, nowMillis);
    Object v = entries.get(key);
    if (condition == KvStore.SetCondition.IF_ABSENT && v != null
        || condition == KvStore.SetCondition.IF_PRESENT && v == null) {
      return false;
    }
    if (v != null && !(v instanceof String)) {
      throw wrongType(key, v, "str");
    }
    entries.put(key, value);
    if (expiresAtMillis == KvStore.KEEP_EXPIRY) {
      return true;
    }
    if (expiresAtMillis == KvStore.NO_EXPIRY) {
      deadlines.remove(key);
    } else if (expiresAtMillis <= nowMillis) {
      // Redis sets and at once expires a key given a deadline in the past.
      deadlines.remove(key);
      entries.remove(key);
    } else {
      deadlines.put(key, expiresAtMillis);
    }
    return true;
  }

  /** EXPIRE / PERSIST (see {@link io.dst.engine.log.Mutation.Expire}). */
  public boolean expire(String key, long expiresAtMillis, long nowMillis,
      KvStore.ExpiryCondition condition) {
    dropIfDue(key, nowMillis);
    if (!entries.containsKey(key)) {
      return false;
    }
    if (expiresAtMillis == KvStore.NO_EXPIRY) {
      return deadlines.remove(key) != null;
    }
    // Judged before a past deadline deletes, as Redis does: LT may delete, GT on no deadline not.
    if (!condition.allows(deadline(key), expiresAtMillis)) {
      return false;
    }
    if (expiresAtMillis <= nowMillis) {
      deadlines.remove(key);
      entries.remove(key);
    } else {
      deadlines.put(key, expiresAtMillis);
    }
    return true;
  }

  /** Deletes the key if its deadline is still {@code deadlineMillis}; true when it did. */
  public boolean dropExpired(String key, long deadlineMillis) {
    Long d = deadlines.get(key);
    if (d == null || d != deadlineMillis) {
      return false;
    }
    deadlines.remove(key);
    entries.remove(key);
    return true;
  }

  /** Up to {@code max} keys whose deadline is not after {@code nowMillis}, with their deadlines. */
  public void due(long nowMillis, int max, Map<String, Long> out) {
    if (deadlines.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Long> e : deadlines.entrySet()) {
      if (e.getValue() <= nowMillis) {
        out.put(e.getKey(), e.getValue());
        if (out.size() >= max) {
          return;
        }
      }
    }
  }

  /** How many keys are due at {@code nowMillis} (they still take space but read as absent). */
  public long dueCount(long nowMillis) {
    long n = 0;
    for (long d : deadlines.values()) {
      if (d <= nowMillis) {
        n++;
      }
    }
    return n;
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
      deadlines.remove(key);
    }
    return removed;
  }

  public List<String> dictKeys(String key) {
    DictValue d = dict(key);
    return d == null ? new ArrayList<>() : d.fields();
  }

  public void keys(Predicate<String> match, long nowMillis, List<String> out) {
    for (String k : entries.keySet()) {
      if (match.test(k) && !expired(k, nowMillis)) {
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

  /** Every deadline in key order, for snapshots. */
  public Map<String, Long> exportDeadlines() {
    Map<String, Long> out = new java.util.TreeMap<>(deadlines);
    return out;
  }

  /** A partition holding exactly the given entries and deadlines (as the exports return them). */
  public static KvPartition of(Map<String, Object> entries, Map<String, Long> deadlines) {
    KvPartition p = of(entries);
    for (Map.Entry<String, Long> e : deadlines.entrySet()) {
      if (!p.entries.containsKey(e.getKey()) || e.getValue() <= 0) {
        throw new DstException(ErrorCode.CORRUPT_DATA, "kv snapshot gives a deadline to key \""
            + e.getKey() + "\", which it does not hold, or a deadline that is not positive");
      }
      p.deadlines.put(e.getKey(), e.getValue());
    }
    return p;
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
