/**
 * Column storage of a table partition: {@link io.dst.engine.column.ColumnVector}s of primitive
 * chunks ({@link io.dst.engine.column.Chunks}) with null bitmaps, dictionary-encoded strings and
 * bytes ({@link io.dst.engine.column.ByteDictionary}) and offset-packed arrays.
 */
package io.dst.engine.column;
