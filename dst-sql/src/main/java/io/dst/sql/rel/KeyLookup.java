package io.dst.sql.rel;

/**
 * Equality on an indexed column turned into an index probe: {@code primaryKey} uses the primary hash
 * index ({@code TableData.get}), otherwise the column's secondary index ({@code TableData.lookup}).
 * {@code value} is a literal in the engine's value class or a {@link ParamRef}.
 */
public record KeyLookup(int column, Object value, boolean primaryKey) {}
