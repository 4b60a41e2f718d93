/**
 * The embedded Dst engine: {@link io.dst.engine.EmbeddedStore} and its partitioning, log and
 * snapshot contracts.
 *
 * <h2>Concurrency model</h2>
 *
 * <p>The unit of concurrency is the partition (a table partition or a {@code $kv} partition). Each
 * partition sits behind its own {@link java.util.concurrent.locks.ReentrantReadWriteLock} (see
 * {@link io.dst.engine.table.Guarded}):
 *
 * <ul>
 *   <li>A mutation names exactly one partition and is applied while holding that partition's write
 *       lock, from validation to the last index update. So at most one writer works in a partition,
 *       and no reader can observe a half-applied mutation: a multi-row insert or an update of many
 *       rows in one partition is seen wholly or not at all.
 *   <li>A read (scan, aggregate, get, lookup, snapshot) holds the partition's read lock while it
 *       runs and materialises its result before releasing it; the returned cursor never touches
 *       partition memory again. Any number of readers run in parallel; they wait only for the
 *       single mutation being applied in their partition, never for other partitions.
 *   <li>Writes through {@link io.dst.engine.api.TableData} and {@link io.dst.engine.api.KvStore}
 *       additionally serialise on the store's write path, so that a write spanning partitions (an
 *       insert batch whose keys land in several partitions) is checked against all of them before
 *       any is changed. Each partition's part is still its own mutation: a reader that reads
 *       partition 0 and then partition 1 can see the batch in one and not yet in the other.
 *   <li>Catalog changes (create/drop table, create index) serialise on a catalog monitor; creating
 *       an index takes each partition's write lock in turn while building it.
 * </ul>
 *
 * <p>{@link io.dst.engine.EmbeddedStore#apply} may be called from several threads (a cluster node
 * applying different partitions' logs in parallel); for determinism the caller applies each
 * partition's mutations in log order.
 */
package io.dst.engine;
