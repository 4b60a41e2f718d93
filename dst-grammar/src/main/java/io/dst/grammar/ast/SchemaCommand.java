package io.dst.grammar.ast;

/** A {@code table.*} command: on the catalogue ({@code create/drop/list/desc}) or a bulk load into one table ({@code load}). */
public sealed interface SchemaCommand extends Command permits TableCreate, TableDrop, TableList, TableDesc, TableLoad {}
