/**
 * The Dst command language and `.sc` schema files: {@link io.dst.grammar.DstParser} turns text into
 * the AST of {@link io.dst.grammar.ast}, {@link io.dst.grammar.DstRenderer} turns it back, and every
 * rejection is a {@link io.dst.grammar.ParseException} with a one-sentence message.
 */
package io.dst.grammar;
