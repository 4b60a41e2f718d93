package io.dst.node.meta;

/** A value read from a znode together with the znode version a compare-and-set must name. */
public record Versioned<T>(T value, int version) {}
