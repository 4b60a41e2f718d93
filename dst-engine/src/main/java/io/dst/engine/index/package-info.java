/**
 * Partition-local hash indexes over primitive keys: the primary index (key to position) and
 * secondary indexes (key to a chain of positions), both on {@link io.dst.engine.index.LongIntHashMap}.
 */
package io.dst.engine.index;
