package io.dst.grammar.ast;

/** A command on one table's rows: {@code T.add/query/delete/update}. */
public sealed interface RowCommand extends Command permits TableAdd, TableQuery, TableDelete, TableUpdate {
  /** The lower-cased table name. */
  String table();
}
