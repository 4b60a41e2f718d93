package io.dst.engine.api;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The typed key-value side of Dst: {@code str} keys hold a string, {@code dict} keys hold a map of
 * string fields to string values (kept in insertion order). Using a key as the other type fails with
 * {@link io.dst.engine.ErrorCode#WRONG_TYPE}, as Redis's WRONGTYPE does. The same data is served by the
 * command language and the Redis protocol.
 *
 * <p>Keys may carry an expiry deadline (absolute epoch milliseconds). A key whose deadline is not
 * after the store's clock reads as absent; stores without expiry refuse the expiry methods with
 * UNSUPPORTED.
 */
public interface KvStore {
  /** A deadline meaning "none": the key lives until deleted (and a set removes an old deadline). */
  long NO_EXPIRY = 0;
  /** For {@link #set}: keep whatever deadline the key had (Redis's KEEPTTL). */
  long KEEP_EXPIRY = -1;
  /** {@link #ttlMillis} of an absent key. */
  long TTL_ABSENT = -2;
  /** {@link #ttlMillis} of a key without a deadline. */
  long TTL_NONE = -1;

  /** When a conditional {@link #set} applies (Redis's NX and XX). */
  enum SetCondition {
    ALWAYS, IF_ABSENT, IF_PRESENT
  }

  /**
   * When {@link #expireAt(String, long, ExpiryCondition)} applies, as Redis 7's EXPIRE options: a
   * key without a deadline counts as expiring never, so it is never {@link #IF_LATER} and always
   * {@link #IF_EARLIER}. The log stores the ordinal: add new conditions at the end only.
   */
  enum ExpiryCondition {
    /** No option: always. */
    ALWAYS,
    /** NX: only when the key has no deadline. */
    IF_NO_DEADLINE,
    /** XX: only when the key has a deadline. */
    IF_DEADLINE,
    /** GT (alone or with XX): only when the new deadline is after the current one. */
    IF_LATER,
    /** LT: only when the new deadline is before the current one, or there is none. */
    IF_EARLIER,
    /** XX LT: only when the key has a deadline and the new one is before it. */
    IF_DEADLINE_EARLIER;

    /**
     * Whether a key whose deadline is {@code current} ({@link #NO_EXPIRY} for none) may get the
     * deadline {@code next}.
     */
    public boolean allows(long current, long next) {
      boolean none = current == NO_EXPIRY;
      return switch (this) {
        case ALWAYS -> true;
        case IF_NO_DEADLINE -> none;
        case IF_DEADLINE -> !none;
        case IF_LATER -> !none && next > current;
        case IF_EARLIER -> none || next < current;
        case IF_DEADLINE_EARLIER -> !none && next < current;
      };
    }
  }

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

  /**
   * Sets a str key if {@code condition} holds, with {@code expiresAtMillis} an absolute epoch-ms
   * deadline, {@link #NO_EXPIRY} or {@link #KEEP_EXPIRY}; true when the value was written. A key
   * holding a dict fails with WRONG_TYPE, as {@link #put} does. The deadline is absolute so that a
   * replicated write carries the same one to every replica.
   */
  default boolean set(String key, String value, SetCondition condition, long expiresAtMillis) {
    throw expiryUnsupported(this);
  }

  /**
   * Gives an existing key the deadline {@code expiresAtMillis} (a deadline already passed deletes
   * it); false when the key is absent.
   */
  default boolean expireAt(String key, long expiresAtMillis) {
    throw expiryUnsupported(this);
  }

  /**
   * {@link #expireAt(String, long)} only if {@code condition} holds for the key's current deadline,
   * judged where the write applies (atomically with it); false when the key is absent or the
   * condition fails. A deadline already passed deletes the key only if the condition holds.
   */
  default boolean expireAt(String key, long expiresAtMillis, ExpiryCondition condition) {
    if (condition == ExpiryCondition.ALWAYS) {
      return expireAt(key, expiresAtMillis);
    }
    throw expiryUnsupported(this);
  }

  /** Removes a key's deadline; true when it had one. */
  default boolean persist(String key) {
    throw expiryUnsupported(this);
  }

  /** Milliseconds until the key expires, {@link #TTL_NONE} without a deadline, {@link #TTL_ABSENT}. */
  default long ttlMillis(String key) {
    throw expiryUnsupported(this);
  }

  private static DstException expiryUnsupported(KvStore kv) {
    return new DstException(ErrorCode.UNSUPPORTED,
        "key expiry is not supported by " + kv.getClass().getSimpleName());
  }
}
