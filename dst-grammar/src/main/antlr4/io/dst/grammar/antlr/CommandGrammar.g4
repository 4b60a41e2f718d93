/*
 * The Dst command language: str.*, dict.*, table.* (create/drop/list/desc/load) and <table>.add/query/delete/update.
 * Kv commands take their arguments either as `x.y a b` or `x.y(a, b)`; commas between
 * arguments are optional. Decisions are kept LL(1) where possible so that error messages can
 * say exactly what was expected at the offending token.
 */
parser grammar CommandGrammar;

options { tokenVocab = DstLexer; }

singleCommand : command SEMI? EOF;
script        : (command | SEMI)* EOF;

command
  : STR DOT strCommand
  | DICT DOT dictCommand
  | TABLE DOT tableCommand
  | tableName DOT rowCommand
  ;

strCommand
  : PUT twoStrings                    # strPut
  | GET oneString                    # strGet
  | DEL oneString                    # strDel
  | EXISTS oneString                 # strExists
  ;

dictCommand
  : PUT dictPutArgs                  # dictPut
  | GET oneOrTwoStrings              # dictGet
  | DEL stringList                   # dictDel
  | KEYS oneString                   # dictKeys
  ;

oneString   : LPAREN STRING RPAREN | STRING;
twoStrings  : LPAREN STRING COMMA? STRING RPAREN | STRING COMMA? STRING;
oneOrTwoStrings : LPAREN STRING (COMMA? STRING)? RPAREN | STRING (COMMA? STRING)?;
stringList  : LPAREN STRING (COMMA? STRING)* RPAREN | STRING (COMMA? STRING)*;
dictPutArgs : LPAREN STRING (COMMA? STRING COMMA? STRING)+ RPAREN | STRING (COMMA? STRING COMMA? STRING)+;

tableCommand
  : CREATE tableNames FROM schemaSource   # tableCreate
  | DROP oneTable                         # tableDrop
  | LIST (LPAREN RPAREN)?                 # tableList
  | DESC oneTable                         # tableDesc
  | LOAD tableName FROM STRING            # tableLoad
  ;

tableNames   : tableName (COMMA? tableName)*;
schemaSource : SCHEMA_FILE_NAME | STRING;
oneTable     : LPAREN tableName RPAREN | tableName;

rowCommand
  : ADD rowValues                                              # tableAdd
  | QUERY projection whenClause? orderClause? limitClause?     # tableQuery
  | DELETE whenClause                                          # tableDelete
  | UPDATE SET assignment (COMMA assignment)* whenClause       # tableUpdate
  ;

rowValues   : LPAREN literal (COMMA? literal)* RPAREN | literal (COMMA? literal)*;
projection  : LPAREN (STAR | columnName (COMMA columnName)*) RPAREN;
whenClause  : WHEN condition;
orderClause : ORDER BY orderItem (COMMA orderItem)*;
orderItem   : columnName (ASC | DESC)?;
limitClause : LIMIT INTEGER;
assignment  : columnName ASSIGN literal;

// Precedence, loosest first: or, and, not.
condition    : andCondition (OR andCondition)*;
andCondition : notCondition (AND notCondition)*;
notCondition : NOT notCondition | primaryCondition;

primaryCondition
  : LPAREN condition RPAREN              # parenthesized
  | columnName columnTest                # columnCondition
  | literal compareOp columnName         # reversedComparison
  ;

columnTest
  : compareOp literal                                             # comparison
  | NOT? IN LBRACKET (scalarLiteral (COMMA scalarLiteral)*)? RBRACKET # inList
  | IS NOT? NULL                                                  # nullTest
  ;

compareOp : EQ | NE | LT | LE | GT | GE;

literal       : scalarLiteral | arrayLiteral;
arrayLiteral  : LBRACKET (scalarLiteral (COMMA scalarLiteral)*)? RBRACKET;
scalarLiteral : STRING | INTEGER | DECIMAL | TRUE | FALSE | NULL;

tableName  : name;
columnName : name;

name
  : IDENT
  | PUT | GET | DEL | EXISTS | KEYS | CREATE | DROP | LIST | ADD | QUERY | DELETE | UPDATE | LOAD
  ;
