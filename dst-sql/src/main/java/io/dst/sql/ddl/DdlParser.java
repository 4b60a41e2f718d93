package io.dst.sql.ddl;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Reads CREATE TABLE, CREATE INDEX, CREATE [OR REPLACE] VIEW, DROP TABLE and DROP VIEW. Calcite's
 * DDL grammar lives in calcite-server, which this build cannot use, so the statement structure is
 * parsed here and only the pieces Calcite knows best go to Calcite: column types (via {@code CAST(NULL
 * AS type)}) and view queries. Errors name the line and column.
 */
public final class DdlParser {
  private static final Pattern HEAD = Pattern.compile(
      "(?is)^\\s*(CREATE\\s+(OR\\s+REPLACE\\s+)?(UNIQUE\\s+)?(TABLE|VIEW|INDEX)|DROP\\s+(TABLE|VIEW))\\b.*");

  private final String text;
  private final List<Token> tokens;
  private int pos;

  private record Token(String text, boolean quoted, int start, int line, int column) {
    boolean is(String keyword) {
      return !quoted && text.equalsIgnoreCase(keyword);
    }
  }

  private DdlParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /** Whether the text is a statement this parser handles. */
  public static boolean handles(String sql) {
    return HEAD.matcher(sql).matches();
  }

  public static DdlStatement parse(String sql) {
    return new DdlParser(sql).statement();
  }

  private DdlStatement statement() {
    if (accept("DROP")) {
      boolean table = accept("TABLE");
      if (!table) {
        expect("VIEW");
      }
      boolean ifExists = accept("IF") && expect("EXISTS");
      String name = identifier("a name");
      end();
      return table ? new DdlStatement.DropTable(name, ifExists) : new DdlStatement.DropView(name, ifExists);
    }
    expect("CREATE");
    boolean replace = accept("OR") && expect("REPLACE");
    accept("UNIQUE");
    if (accept("TABLE")) {
      return createTable();
    }
    if (accept("INDEX")) {
      return createIndex();
    }
    expect("VIEW");
    return createView(replace);
  }

  private DdlStatement createTable() {
    boolean ifNotExists = accept("IF") && expect("NOT") && expect("EXISTS");
    String name = identifier("a table name");
    if (peekIs("AS")) {
      throw error(peek(), "CREATE TABLE ... AS SELECT is not supported; create the table, then INSERT INTO "
          + name + " SELECT ...");
    }
    expectSymbol("(");
    List<DdlStatement.ColumnSpec> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    do {
      if (accept("CONSTRAINT")) {
        identifier("a constraint name");
      }
      if (accept("PRIMARY")) {
        expect("KEY");
        primaryKey.addAll(identifierList());
      } else if (peekIs("UNIQUE")) {
        throw error(peek(), "UNIQUE constraints are not supported; use CREATE INDEX");
      } else {
        columns.add(column(primaryKey));
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    end();
    return new DdlStatement.CreateTable(name, ifNotExists, columns, primaryKey);
  }

  private DdlStatement.ColumnSpec column(List<String> primaryKey) {
    Token start = peek();
    String name = identifier("a column name");
    Token typeStart = peek();
    int depth = 0;
    Token last = null;
    while (pos < tokens.size()) {
      Token t = peek();
      if (depth == 0 && (t.text().equals(",") || t.text().equals(")") || t.is("NOT") || t.is("NULL")
          || t.is("PRIMARY") || t.is("DEFAULT"))) {
        break;
      }
      if (t.text().equals("(")) {
        depth++;
      } else if (t.text().equals(")")) {
        depth--;
      }
      last = t;
      pos++;
    }
    if (last == null) {
      throw error(typeStart, "expected a type for column " + name);
    }
    String typeText = text.substring(typeStart.start(), last.start() + last.text().length() + (last.quoted() ? 2 : 0));
    SqlDataTypeSpec type = dataType(typeText, typeStart);
    boolean notNull = false;
    while (true) {
      if (accept("NOT")) {
        expect("NULL");
        notNull = true;
      } else if (accept("NULL")) {
        notNull = false;
      } else if (accept("PRIMARY")) {
        expect("KEY");
        primaryKey.add(name);
        notNull = true;
      } else if (peekIs("DEFAULT")) {
        throw error(peek(), "DEFAULT values are not supported");
      } else {
        break;
      }
    }
    return new DdlStatement.ColumnSpec(name, type, notNull, start.line(), start.column());
  }

  private SqlDataTypeSpec dataType(String typeText, Token at) {
    try {
      SqlNode cast = SqlParser.create("CAST(NULL AS " + typeText + ")").parseExpression();
      return (SqlDataTypeSpec) ((SqlBasicCall) cast).operand(1);
    } catch (SqlParseException | RuntimeException e) {
      throw error(at, "unknown or malformed type " + typeText);
    }
  }

  private DdlStatement createIndex() {
    boolean ifNotExists = accept("IF") && expect("NOT") && expect("EXISTS");
    String name = identifier("an index name");
    expect("ON");
    String table = identifier("a table name");
    List<String> columns = identifierList();
    end();
    return new DdlStatement.CreateIndex(name, table, ifNotExists, columns);
  }

  private DdlStatement createView(boolean replace) {
    String name = identifier("a view name");
    List<String> columns = peekIs("(") ? identifierList() : null;
    Token as = peek();
    expect("AS");
    if (pos >= tokens.size()) {
      throw error(as, "expected a query after AS");
    }
    String query = text.substring(tokens.get(pos).start()).trim();
    if (query.endsWith(";")) {
      query = query.substring(0, query.length() - 1);
    }
    return new DdlStatement.CreateView(name, replace, columns, query);
  }

  private List<String> identifierList() {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    do {
      names.add(identifier("a column name"));
    } while (acceptSymbol(","));
    expectSymbol(")");
    return names;
  }

  private String identifier(String what) {
    Token t = peek();
    if (t == null || (!t.quoted() && !Character.isLetter(t.text().charAt(0)) && t.text().charAt(0) != '_')) {
      throw error(t, "expected " + what);
    }
    pos++;
    return t.quoted() ? t.text() : t.text().toLowerCase(Locale.ROOT);
  }

  private Token peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private boolean peekIs(String keywordOrSymbol) {
    Token t = peek();
    return t != null && !t.quoted() && t.text().equalsIgnoreCase(keywordOrSymbol);
  }

  private boolean accept(String keyword) {
    if (peekIs(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean expect(String keyword) {
    if (!accept(keyword)) {
      throw error(peek(), "expected " + keyword);
    }
    return true;
  }

  private boolean acceptSymbol(String symbol) {
    return accept(symbol);
  }

  private void expectSymbol(String symbol) {
    if (!accept(symbol)) {
      throw error(peek(), "expected '" + symbol + "'");
    }
  }

  private void end() {
    accept(";");
    if (pos < tokens.size()) {
      throw error(peek(), "unexpected text after the end of the statement");
    }
  }

  private DstException error(Token at, String problem) {
    String where;
    if (at == null) {
      where = "at the end of the statement";
    } else {
      where = "at line " + at.line() + ", column " + at.column() + " (near '" + at.text() + "')";
    }
    return new DstException(ErrorCode.SYNTAX, "SQL syntax error " + where + ": " + problem);
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"') {
        int end = s.indexOf('"', i + 1);
        if (end < 0) {
          throw new DstException(ErrorCode.SYNTAX, "SQL syntax error at line " + line + ", column "
              + (i - lineStart + 1) + ": unterminated quoted identifier");
        }
        out.add(new Token(s.substring(i + 1, end), true, i, line, i - lineStart + 1));
        i = end + 1;
      } else if (c == '\'') {
        int end = i + 1;
        while (end < s.length() && !(s.charAt(end) == '\'' && (end + 1 >= s.length() || s.charAt(end + 1) != '\''))) {
          end += s.charAt(end) == '\'' ? 2 : 1;
        }
        out.add(new Token(s.substring(i, Math.min(s.length(), end + 1)), false, i, line, i - lineStart + 1));
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
          i++;
        }
        out.add(new Token(s.substring(start, i), false, start, line, start - lineStart + 1));
      } else {
        out.add(new Token(String.valueOf(c), false, i, line, i - lineStart + 1));
        i++;
      }
    }
    return out;
  }
}
