/*
 * Tokens shared by the command language and `.sc` schema files. Keywords are case-insensitive.
 * The lexer never reports an error itself: anything it cannot otherwise match becomes an
 * UNTERMINATED_* or ERROR_CHAR token, and the parser's error strategy turns that into a
 * ParseException with a readable sentence.
 */
lexer grammar DstLexer;

options { caseInsensitive = true; }

// Reserved words: never names. Clause words are reserved too, so that in a script `t.query (*) when`
// can never be read as the start of a next command on a table named `when`.
STR    : 'str';
DICT   : 'dict';
TABLE  : 'table';
AND    : 'and';
OR     : 'or';
NOT    : 'not';
IN     : 'in';
IS     : 'is';
NULL   : 'null';
TRUE   : 'true';
FALSE  : 'false';
FROM   : 'from';

WHEN   : 'when';
ORDER  : 'order';
BY     : 'by';
ASC    : 'asc';
DESC   : 'desc';
LIMIT  : 'limit';
SET    : 'set';

// Soft keywords: verbs, meaningful only right after `x.`, so usable as table and column names.
PUT    : 'put';
GET    : 'get';
DEL    : 'del';
EXISTS : 'exists';
KEYS   : 'keys';
CREATE : 'create';
DROP   : 'drop';
LIST   : 'list';
ADD    : 'add';
QUERY  : 'query';
DELETE : 'delete';
UPDATE : 'update';
LOAD   : 'load';

EQ       : '==';
NE       : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ASSIGN   : '=';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
LBRACE   : '{';
RBRACE   : '}';
COMMA    : ',';
SEMI     : ';';
COLON    : ':';
DOT      : '.';
STAR     : '*';

// An unquoted schema file name must end in .sc, so it can never be mistaken for `name.verb`.
SCHEMA_FILE_NAME : [a-z0-9_./\\~-]+ '.sc';

DECIMAL : '-'? DIGITS ('.' DIGITS EXPONENT? | EXPONENT);
INTEGER : '-'? DIGITS;
IDENT   : [a-z_] [a-z0-9_]*;

// Escapes are checked by the AST builder, which can say exactly which one is wrong.
STRING              : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '"';
UNTERMINATED_STRING : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '\\'?;

// \uFEFF: a byte-order mark at the start of a file written by some editors.
WS                   : [ \t\r\n\f\uFEFF]+ -> skip;
LINE_COMMENT         : '//' ~[\r\n]* -> skip;
BLOCK_COMMENT        : '/*' (~'*' | '*'+ ~[*/])* '*'+ '/' -> skip;
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;

ERROR_CHAR : .;

fragment DIGITS   : [0-9]+;
fragment EXPONENT : 'e' [+-]? DIGITS;
