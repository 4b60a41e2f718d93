package io.dst.engine.table;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One partition's state behind a read-write lock: the single writer of a partition holds the write
 * lock for the whole of one mutation, and readers hold the read lock for the whole of one read
 * (materialising their results before they let go), so a reader sees every mutation wholly or not
 * at all. Readers of a partition run in parallel with each other and with writers of other
 * partitions. The lock is fair, so a stream of readers cannot starve the writer (which the
 * replication path waits on).
 *
 * @param <T> the partition state (a table partition or a kv partition)
 */
public final class Guarded<T> {
  private final ReentrantReadWriteLock lock;
  private T state;

  public Guarded(T state) {
    this(state, true);
  }

  /**
   * {@code fair} false lets a thread take a free lock ahead of queued ones: for state whose
   * operations last well under a microsecond (kv keys), handing the lock over in queue order
   * costs far more than it protects. Arriving readers still wait behind a queued writer.
   */
  public Guarded(T state, boolean fair) {
    this.state = state;
    this.lock = new ReentrantReadWriteLock(fair);
  }

  public <R> R read(Function<T, R> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(state);
    } finally {
      lock.readLock().unlock();
    }
  }

  public <R> R write(Function<T, R> writer) {
    lock.writeLock().lock();
    try {
      return writer.apply(state);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public void writeVoid(Consumer<T> writer) {
    write(s -> {
      writer.accept(s);
      return null;
    });
  }

  /** Swaps in a whole new state (snapshot load). */
  public void replace(T newState) {
    lock.writeLock().lock();
    try {
      state = newState;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
