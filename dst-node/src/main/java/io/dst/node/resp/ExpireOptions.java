package io.dst.node.resp;

import io.dst.engine.api.KvStore.ExpiryCondition;

/**
 * The NX, XX, GT and LT options of EXPIRE and its kin, read as Redis 7 reads them (any case, in
 * any order, repeats allowed) into the one {@link ExpiryCondition} they amount to.
 */
final class ExpireOptions {
  private ExpireOptions() {}

  /** The condition of the options from argument {@code first} on, or Redis's error for them. */
  static ExpiryCondition parse(RespCommand c, int first) {
    boolean nx = false;
    boolean xx = false;
    boolean gt = false;
    boolean lt = false;
    for (int i = first; i < c.argc(); i++) {
      if (c.is(i, "NX")) {
        nx = true;
      } else if (c.is(i, "XX")) {
        xx = true;
      } else if (c.is(i, "GT")) {
        gt = true;
      } else if (c.is(i, "LT")) {
        lt = true;
      } else {
        throw RespError.err("Unsupported option " + c.string(i));
      }
    }
    if (nx && (xx || gt || lt)) {
      throw RespError.err("NX and XX, GT or LT options at the same time are not compatible");
    }
    if (gt && lt) {
      throw RespError.err("GT and LT options at the same time are not compatible");
    }
    if (nx) {
      return ExpiryCondition.IF_NO_DEADLINE;
    }
    if (gt) {
      return ExpiryCondition.IF_LATER; // a key without a deadline already fails GT: XX adds nothing
    }
    if (lt) {
      return xx ? ExpiryCondition.IF_DEADLINE_EARLIER : ExpiryCondition.IF_EARLIER;
    }
    return xx ? ExpiryCondition.IF_DEADLINE : ExpiryCondition.ALWAYS;
  }
}
