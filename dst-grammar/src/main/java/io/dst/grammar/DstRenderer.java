package io.dst.grammar;

import io.dst.grammar.ast.Assignment;
import io.dst.grammar.ast.ColumnDef;
import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.Condition;
import io.dst.grammar.ast.DictDel;
import io.dst.grammar.ast.DictEntry;
import io.dst.grammar.ast.DictGet;
import io.dst.grammar.ast.DictKeys;
import io.dst.grammar.ast.DictPut;
import io.dst.grammar.ast.Literal;
import io.dst.grammar.ast.OrderItem;
import io.dst.grammar.ast.Projection;
import io.dst.grammar.ast.SchemaFile;
import io.dst.grammar.ast.StrDel;
import io.dst.grammar.ast.StrExists;
import io.dst.grammar.ast.StrGet;
import io.dst.grammar.ast.StrPut;
import io.dst.grammar.ast.TableAdd;
import io.dst.grammar.ast.TableCreate;
import io.dst.grammar.ast.TableDef;
import io.dst.grammar.ast.TableDelete;
import io.dst.grammar.ast.TableDesc;
import io.dst.grammar.ast.TableDrop;
import io.dst.grammar.ast.TableList;
import io.dst.grammar.ast.TableLoad;
import io.dst.grammar.ast.TableQuery;
import io.dst.grammar.ast.TableUpdate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes an AST back in the command or schema language, in a canonical form (space form, lower case,
 * escapes only where needed): {@code DstParser.parseCommand(render(c))} equals {@code c} except for
 * source positions. Useful to log, forward or echo commands.
 */
public final class DstRenderer {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern BARE_SCHEMA_FILE = Pattern.compile("(?i)[a-z0-9_./\\\\~-]+\\.sc");
  private static final Set<String> RESERVED = Set.of("str", "dict", "table", "and", "or", "not", "in", "is",
      "null", "true", "false", "from", "when", "order", "by", "asc", "desc", "limit", "set");

  private DstRenderer() {}

  /** The command as text; throws IllegalArgumentException for an AST no text can produce (e.g. a name with a space). */
  public static String render(Command command) {
    if (command instanceof StrPut c) {
      return "str.put " + quote(c.key()) + " " + quote(c.value());
    } else if (command instanceof StrGet c) {
      return "str.get " + quote(c.key());
    } else if (command instanceof StrDel c) {
      return "str.del " + quote(c.key());
    } else if (command instanceof StrExists c) {
      return "str.exists " + quote(c.key());
    } else if (command instanceof DictPut c) {
      StringBuilder out = new StringBuilder("dict.put ").append(quote(c.key()));
      for (DictEntry e : c.entries()) {
        out.append(' ').append(quote(e.field())).append(' ').append(quote(e.value()));
      }
      return out.toString();
    } else if (command instanceof DictGet c) {
      return "dict.get " + quote(c.key()) + c.field().map(f -> " " + quote(f)).orElse("");
    } else if (command instanceof DictDel c) {
      return "dict.del " + quote(c.key()) + c.fields().stream().map(f -> " " + quote(f)).collect(Collectors.joining());
    } else if (command instanceof DictKeys c) {
      return "dict.keys " + quote(c.key());
    } else if (command instanceof TableCreate c) {
      String file = BARE_SCHEMA_FILE.matcher(c.schemaFile()).matches() ? c.schemaFile() : quote(c.schemaFile());
      return "table.create " + join(c.tables(), DstRenderer::name, " ") + " from " + file;
    } else if (command instanceof TableDrop c) {
      return "table.drop " + name(c.table());
    } else if (command instanceof TableList) {
      return "table.list";
    } else if (command instanceof TableDesc c) {
      return "table.desc " + name(c.table());
    } else if (command instanceof TableLoad c) {
      return "table.load " + name(c.table()) + " from " + quote(c.csvFile());
    } else if (command instanceof TableAdd c) {
      return name(c.table()) + ".add " + join(c.values(), DstRenderer::render, ", ");
    } else if (command instanceof TableQuery c) {
      return query(c);
    } else if (command instanceof TableDelete c) {
      return name(c.table()) + ".delete when " + render(c.when());
    } else if (command instanceof TableUpdate c) {
      return name(c.table()) + ".update set " + join(c.assignments(), DstRenderer::assignment, ", ")
          + " when " + render(c.when());
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private static String query(TableQuery c) {
    StringBuilder out = new StringBuilder(name(c.table())).append(".query (");
    if (c.projection() instanceof Projection.Columns columns) {
      out.append(join(columns.names(), DstRenderer::name, ", "));
    } else {
      out.append('*');
    }
    out.append(')');
    c.when().ifPresent(w -> out.append(" when ").append(render(w)));
    if (!c.orderBy().isEmpty()) {
      out.append(" order by ").append(join(c.orderBy(), DstRenderer::orderItem, ", "));
    }
    c.limit().ifPresent(n -> out.append(" limit ").append(n));
    return out.toString();
  }

  /** A when-clause condition, parenthesised only where precedence (not, and, or) requires it. */
  public static String render(Condition condition) {
    if (condition instanceof Condition.Compare c) {
      return name(c.column()) + " " + c.op().symbol() + " " + render(c.value());
    } else if (condition instanceof Condition.In c) {
      return name(c.column()) + " in " + array(c.values());
    } else if (condition instanceof Condition.IsNull c) {
      return name(c.column()) + " is null";
    } else if (condition instanceof Condition.Not c) {
      if (c.term() instanceof Condition.IsNull n) {
        return name(n.column()) + " is not null";
      }
      if (c.term() instanceof Condition.In in) {
        return name(in.column()) + " not in " + array(in.values());
      }
      return "not " + operand(c.term(), false);
    } else if (condition instanceof Condition.And c) {
      return join(c.terms(), t -> operand(t, false), " and ");
    } else if (condition instanceof Condition.Or c) {
      return join(c.terms(), t -> operand(t, true), " or ");
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  /** And and Or operands need parentheses, except an And inside an Or (and binds tighter). */
  private static String operand(Condition term, boolean insideOr) {
    boolean compound = term instanceof Condition.And || term instanceof Condition.Or;
    boolean bindsTighter = insideOr && term instanceof Condition.And;
    return compound && !bindsTighter ? "(" + render(term) + ")" : render(term);
  }

  /** A literal as the command language writes it; a non-finite double has no spelling and is rejected. */
  public static String render(Literal literal) {
    if (literal instanceof Literal.StringLiteral s) {
      return quote(s.value());
    } else if (literal instanceof Literal.IntegerLiteral i) {
      return Long.toString(i.longValue());
    } else if (literal instanceof Literal.DecimalLiteral d) {
      if (!Double.isFinite(d.doubleValue())) {
        throw new IllegalArgumentException("the command language has no spelling for " + d.doubleValue());
      }
      return Double.toString(d.doubleValue());
    } else if (literal instanceof Literal.BoolLiteral b) {
      return Boolean.toString(b.boolValue());
    } else if (literal instanceof Literal.NullLiteral) {
      return "null";
    } else if (literal instanceof Literal.ArrayLiteral a) {
      return array(a.elements());
    }
    throw new IllegalArgumentException("unknown literal " + literal);
  }

  /** A `.sc` file with one table per block and one column per line. */
  public static String render(SchemaFile schema) {
    StringBuilder out = new StringBuilder();
    for (TableDef table : schema.tables()) {
      out.append("table ").append(name(table.name())).append(" {\n");
      for (ColumnDef column : table.columns()) {
        out.append("  ");
        if (column.primaryKey()) {
          out.append("[p]");
        } else if (column.indexed()) {
          out.append("[i]");
        }
        out.append(name(column.name())).append(": ").append(column.type()).append(";\n");
      }
      out.append("}\n");
    }
    return out.toString();
  }

  /** A double-quoted string with {@code "}, {@code \} and control characters escaped. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches() || RESERVED.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' cannot be written as a table or column name");
    }
    return name;
  }

  private static String orderItem(OrderItem item) {
    return name(item.column()) + (item.descending() ? " desc" : "");
  }

  private static String assignment(Assignment a) {
    return name(a.column()) + " = " + render(a.value());
  }

  private static String array(List<Literal> elements) {
    return "[" + join(elements, DstRenderer::render, ", ") + "]";
  }

  private static <T> String join(List<T> items, Function<T, String> show, String separator) {
    return items.stream().map(show).collect(Collectors.joining(separator));
  }
}
