package io.dst.node.replication;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.log.ApplyResult;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;

/**
 * One partition of the node's {@link EmbeddedStore} as a state machine: log entries are the
 * engine's {@link LogEntryCodec} bytes, applied with {@link EmbeddedStore#apply}; snapshots are the
 * engine's per-partition snapshots. An entry that names another partition is refused.
 */
public final class EngineStateMachine implements PartitionStateMachine {
  private final EmbeddedStore store;
  private final PartitionId id;

  public EngineStateMachine(EmbeddedStore store, PartitionId id) {
    this.store = store;
    this.id = id;
  }

  @Override
  public ApplyResult apply(byte[] entry) {
    return apply(LogEntryCodec.decode(entry));
  }

  @Override
  public ApplyResult apply(byte[] entry, Object decoded) {
    return decoded instanceof Mutation m ? apply(m) : apply(entry);
  }

  private ApplyResult apply(Mutation m) {
    if (!m.target().equals(id)) {
      return ApplyResult.failed(new DstException(ErrorCode.INVALID_ARGUMENT,
          "a write for partition " + m.target() + " reached partition " + id));
    }
    return store.apply(m);
  }

  @Override
  public byte[] snapshot() {
    return store.snapshotBytes(id);
  }

  @Override
  public void restore(byte[] snapshot) {
    store.loadSnapshot(id, snapshot);
  }
}
