package io.dst.engine.dump;

/**
 * What a dump says about itself before its data: the format version, when it was written (epoch
 * millis), how many tables follow, what consistency the source guaranteed, and where it came from.
 */
public record DumpHeader(int version, long createdMillis, int tableCount, String consistency, String source) {}
