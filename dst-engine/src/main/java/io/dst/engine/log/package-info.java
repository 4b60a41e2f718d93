/**
 * The replicated write log: {@link io.dst.engine.log.Mutation}s, their binary entry format with a
 * CRC32C ({@link io.dst.engine.log.LogEntryCodec}), and the {@link io.dst.engine.log.ApplyResult} of
 * applying one with {@link io.dst.engine.EmbeddedStore#apply}.
 */
package io.dst.engine.log;
