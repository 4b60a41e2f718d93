/**
 * Dump and load of a whole {@link io.dst.engine.api.DataStore}: a streamed, block-checksummed file
 * of table definitions, rows and kv data ({@link io.dst.engine.dump.DumpWriter}, {@link
 * io.dst.engine.dump.DumpReader}, {@link io.dst.engine.dump.DumpLoader}).
 */
package io.dst.engine.dump;
