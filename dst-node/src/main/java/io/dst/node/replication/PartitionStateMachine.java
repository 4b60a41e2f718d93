package io.dst.node.replication;

import io.dst.engine.log.ApplyResult;

/**
 * The deterministic state one partition's log is applied to. Applying the same entries in the same
 * order gives every replica the same state and the same results, failures included; a snapshot
 * captures the state after the last applied entry.
 */
public interface PartitionStateMachine {
  /** Applies one log entry's payload; a rejected write is a result, not an exception. */
  ApplyResult apply(byte[] entry);

  /**
   * Applies an entry whose payload the caller also holds {@code decoded} (the primary, which
   * encoded it); the same result as {@link #apply(byte[])}, without decoding the bytes again.
   */
  default ApplyResult apply(byte[] entry, Object decoded) {
    return apply(entry);
  }

  /** The state as it stands now, in a form {@link #restore} reads back. */
  byte[] snapshot();

  /** Replaces the state with a snapshot's. */
  void restore(byte[] snapshot);
}
