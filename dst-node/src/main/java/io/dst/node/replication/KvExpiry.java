package io.dst.node.replication;

import io.dst.engine.DstException;
import io.dst.engine.EmbeddedStore;
import io.dst.engine.PartitionId;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key expiry on a node, decided by primaries only: every {@link #PERIOD_MILLIS} each kv partition
 * this node serves as primary sends the keys its clock finds due through its log as {@link
 * Mutation.DropExpired} (delete only if the deadline is still the one seen, so a key set again
 * meanwhile survives). Replicas never expire on their own; they apply those entries. Before a
 * client's kv write the primary also appends the expiry of its key when due ({@link #before}), so
 * the write finds the key absent as a read would.
 */
public final class KvExpiry implements AutoCloseable {
  /** How often primaries look for due keys. */
  public static final long PERIOD_MILLIS = 100;
  /** Keys dropped per partition and pass, so one pass never floods the log. */
  static final int BATCH = 64;
  private static final Logger log = LoggerFactory.getLogger(KvExpiry.class);

  private final EmbeddedStore store;
  private final ReplicaManager replicas;
  private final LongSupplier clock;
  private final Set<Mutation.DropExpired> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;

  public KvExpiry(EmbeddedStore store, ReplicaManager replicas, LongSupplier clockMillis,
      String threadName) {
    this.store = store;
    this.replicas = replicas;
    this.clock = clockMillis;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  public KvExpiry start() {
    timer.scheduleWithFixedDelay(this::expireDue, PERIOD_MILLIS, PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);
    return this;
  }

  /** The expiry to append before {@code m} on its primary, or null when its key is not due. */
  public Mutation.DropExpired before(Mutation m) {
    return store.expiryBefore(m, clock.getAsLong());
  }

  /** {@code batch} with the drops of the due keys it writes put before their first write. */
  public Mutation.KvBatch withExpiries(Mutation.KvBatch batch) {
    return store.withExpiries(batch, clock.getAsLong());
  }

  private void expireDue() {
    long now = clock.getAsLong();
    for (PartitionReplica r : replicas.replicas()) {
      PartitionId id = r.id();
      if (!id.isKv() || !r.isServing()) {
        continue;
      }
      try {
        List<Mutation.DropExpired> due = store.dueExpiries(id.partition(), now, BATCH);
        for (Mutation.DropExpired d : due) {
          if (inFlight.add(d)) {
            try {
              r.write(-1, LogEntryCodec.encode(d)).whenComplete((res, e) -> inFlight.remove(d));
            } catch (RuntimeException e) {
              inFlight.remove(d);
              throw e;
            }
          }
        }
      } catch (DstException e) {
        // Not primary any more, or too few in-sync replicas: the next pass (or primary) retries.
        log.debug("partition {}: expiry pass stopped: {}", id, e.getMessage());
      } catch (RuntimeException e) {
        log.warn("partition {}: expiry pass failed", id, e);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
