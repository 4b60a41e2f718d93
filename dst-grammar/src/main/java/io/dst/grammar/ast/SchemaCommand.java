package io.dst.grammar.ast;

/** A command on the table catalogue: {@code table.create/drop/list/desc}. */
public sealed interface SchemaCommand extends Command permits TableCreate, TableDrop, TableList, TableDesc {}
