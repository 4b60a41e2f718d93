/**
 * Internal: the ANTLR pipelines, the AST builders, error reporting and the fast path behind
 * {@link io.dst.grammar.DstParser}. Other modules use DstParser, not these classes.
 */
package io.dst.grammar.parse;
