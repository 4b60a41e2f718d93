/*
 * `.sc` schema files: `table NAME { [p]col: type; [i]col: type; col: [type]; }`, several tables a
 * file, `;` after `}` and after the last column optional. Markers and type names are read as names
 * and checked by the AST builder, which can then name the valid choices.
 */
parser grammar SchemaGrammar;

options { tokenVocab = DstLexer; }

schemaFile : tableDef* EOF;
// `(SEMI columnDef?)*` keeps the decision LL(1), which keeps error messages exact; it lets `;;` pass.
tableDef   : TABLE tableName LBRACE columnDef (SEMI columnDef?)* RBRACE SEMI?;
columnDef  : marker? columnName COLON typeRef;
marker     : LBRACKET markerName RBRACKET;
typeRef    : typeName | LBRACKET typeName RBRACKET;

tableName  : name;
columnName : name;
markerName : name;
typeName   : name;

name
  : IDENT
  | PUT | GET | DEL | EXISTS | KEYS | CREATE | DROP | LIST | ADD | QUERY | DELETE | UPDATE | LOAD
  ;
