package io.dst.grammar.ast;

/**
 * One parsed command of the Dst command language. Every command knows where it started, so errors the
 * engine finds later (unknown table, type mismatch) can point at it.
 */
public sealed interface Command permits KvCommand, SchemaCommand, RowCommand {
  /** Line and column of the command's first token. */
  SourcePosition position();
}
