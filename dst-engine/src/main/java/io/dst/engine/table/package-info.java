/**
 * Tables: the catalog entry ({@link io.dst.engine.table.TableState}), one partition's rows
 * ({@link io.dst.engine.table.TablePartition}) behind its lock ({@link io.dst.engine.table.Guarded}),
 * index selection, and value type checks ({@link io.dst.engine.table.Values}).
 */
package io.dst.engine.table;
