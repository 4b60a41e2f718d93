package io.dst.node.resp;

import io.dst.engine.api.KvStore;

/**
 * The str write that Redis's SET needs and {@link KvStore} lacks today: a condition (NX/XX) and an
 * absolute expiry deadline. The deadline is wall-clock epoch milliseconds chosen once by the
 * server taking the request, so that the replicated mutation carries it and every replica applies
 * the same entry. A store that implements this interface is used directly; any other is wrapped by
 * {@link NonExpiringKv}, which refuses expiry.
 */
public interface ExpiringKv {
  /** The key gets no deadline (and loses one it had), as a plain SET does. */
  long NO_EXPIRY = 0;
  /** The key keeps whatever deadline it had (SET ... KEEPTTL). */
  long KEEP_EXPIRY = -1;

  /** When a conditional set applies. */
  enum Condition {
    ALWAYS, IF_ABSENT, IF_PRESENT
  }

  /**
   * Sets a str key if {@code condition} holds, with {@code expiresAtMillis} an epoch-millisecond
   * deadline or {@link #NO_EXPIRY} / {@link #KEEP_EXPIRY}; true when the value was written. A key
   * holding a dict fails with WRONG_TYPE, as {@link KvStore#put} does.
   */
  boolean set(String key, String value, Condition condition, long expiresAtMillis);

  /** The store's own implementation when it has one, otherwise an adapter without expiry. */
  static ExpiringKv over(KvStore kv) {
    return kv instanceof ExpiringKv e ? e : new NonExpiringKv(kv);
  }
}
