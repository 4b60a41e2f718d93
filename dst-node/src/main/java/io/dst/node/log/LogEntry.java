package io.dst.node.log;

/**
 * One entry of a partition's replicated log: its offset (0-based position in the log), the epoch of
 * the primary that wrote it, and the opaque payload (an engine mutation, already checksummed by it).
 */
public record LogEntry(long offset, long epoch, byte[] payload) {}
