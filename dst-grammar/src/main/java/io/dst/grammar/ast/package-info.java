/**
 * The typed AST of the Dst command language and of `.sc` schema files: records and sealed
 * interfaces, independent of the engine and of Calcite. Names of tables and columns are lower-cased;
 * every command and schema element carries its source position.
 */
package io.dst.grammar.ast;
