package io.dst.sql.command;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.engine.api.DataStore;
import io.dst.engine.api.KvStore;
import io.dst.engine.api.RowCursor;
import io.dst.engine.api.TableData;
import io.dst.engine.schema.Column;
import io.dst.engine.schema.TableSchema;
import io.dst.grammar.DstParser;
import io.dst.grammar.ast.Assignment;
import io.dst.grammar.ast.Command;
import io.dst.grammar.ast.DictDel;
import io.dst.grammar.ast.DictEntry;
import io.dst.grammar.ast.DictGet;
import io.dst.grammar.ast.DictKeys;
import io.dst.grammar.ast.DictPut;
import io.dst.grammar.ast.StrDel;
import io.dst.grammar.ast.StrExists;
import io.dst.grammar.ast.StrGet;
import io.dst.grammar.ast.StrPut;
import io.dst.grammar.ast.TableAdd;
import io.dst.grammar.ast.TableCreate;
import io.dst.grammar.ast.TableDelete;
import io.dst.grammar.ast.TableDesc;
import io.dst.grammar.ast.TableDrop;
import io.dst.grammar.ast.TableList;
import io.dst.grammar.ast.TableLoad;
import io.dst.grammar.ast.TableQuery;
import io.dst.grammar.ast.TableUpdate;
import io.dst.sql.ResultColumn;
import io.dst.sql.csv.CsvImporter;
import io.dst.sql.StatementResult;
import io.dst.sql.exec.DirectPlan;
import io.dst.sql.exec.PlannerEnvironment;
import io.dst.sql.exec.StatementPlan;
import io.dst.sql.schema.DstSchema;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plans one command of the Dst command language. {@code T.query} becomes a Calcite plan (see {@link
 * QueryCommandPlanner}) so it shares the optimizer and executor with SQL; kv and catalog commands
 * run directly on the {@link DataStore}. Writes answer {@code ok}; delete/update/load answer a row count.
 */
public final class CommandPlanner {
  private static final StatementResult OK = new StatementResult.Message("ok");
  private static final ResultColumn VALUE = DirectPlan.column("value", Types.VARCHAR, true);
  private static final ResultColumn KEY = DirectPlan.column("key", Types.VARCHAR, false);

  private final PlannerEnvironment env;
  private final DstSchema schema;
  private final DataStore store;

  public CommandPlanner(PlannerEnvironment env) {
    this.env = env;
    this.schema = env.schema();
    this.store = schema.store();
  }

  /** The plan for a command; {@code workingDirectory} resolves schema files of table.create. */
  public StatementPlan plan(String text, Supplier<java.nio.file.Path> workingDirectory) {
    Command command = DstParser.parseCommand(text);
    KvStore kv = store.kv();
    if (command instanceof StrPut c) {
      return write(() -> kv.put(c.key(), c.value()));
    }
    if (command instanceof StrGet c) {
      return rows(List.of(VALUE), () -> List.<Object[]>of(new Object[] {kv.get(c.key())}));
    }
    if (command instanceof StrDel c) {
      return write(() -> kv.delete(c.key()));
    }
    if (command instanceof StrExists c) {
      return rows(List.of(DirectPlan.column("exists", Types.BOOLEAN, false)),
          () -> List.<Object[]>of(new Object[] {kv.exists(c.key())}));
    }
    if (command instanceof DictPut c) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (DictEntry e : c.entries()) {
        fields.put(e.field(), e.value());
      }
      return write(() -> kv.dictPut(c.key(), fields));
    }
    if (command instanceof DictGet c) {
      if (c.field().isPresent()) {
        return rows(List.of(VALUE), () -> List.<Object[]>of(new Object[] {kv.dictGet(c.key(), c.field().get())}));
      }
      return rows(List.of(KEY, VALUE), () -> {
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<String, String> e : kv.dictGetAll(c.key()).entrySet()) {
          out.add(new Object[] {e.getKey(), e.getValue()});
        }
        return out;
      });
    }
    if (command instanceof DictDel c) {
      return write(() -> {
        if (c.fields().isEmpty()) {
          kv.delete(c.key());
        } else {
          kv.dictDelete(c.key(), c.fields());
        }
      });
    }
    if (command instanceof DictKeys c) {
      return rows(List.of(KEY), () -> kv.dictKeys(c.key()).stream().map(k -> new Object[] {k}).toList());
    }
    if (command instanceof TableCreate c) {
      return new DirectPlan(List.of(), false, p -> {
        new SchemaFileLoader(store, schema).create(c, workingDirectory.get());
        return OK;
      });
    }
    if (command instanceof TableDrop c) {
      return new DirectPlan(List.of(), false, p -> {
        try {
          store.dropTable(c.table(), false);
        } catch (DstException e) {
          throw new DstException(e.code(), c.position() + ": " + e.getMessage(), e);
        } finally {
          schema.invalidate();
        }
        return OK;
      });
    }
    if (command instanceof TableList) {
      return rows(List.of(DirectPlan.column("table_name", Types.VARCHAR, false),
          DirectPlan.column("row_count", Types.BIGINT, false)), () -> {
            List<Object[]> out = new ArrayList<>();
            for (TableSchema t : store.tables()) {
              long count = store.table(t.name()).map(TableData::rowCount).orElse(0L);
              out.add(new Object[] {t.name(), count});
            }
            return out;
          });
    }
    if (command instanceof TableDesc c) {
      return rows(List.of(DirectPlan.column("column_name", Types.VARCHAR, false),
          DirectPlan.column("type", Types.VARCHAR, false), DirectPlan.column("key", Types.VARCHAR, false)), () -> {
            TableSchema t = table(c.table(), c.position()).schema();
            List<Object[]> out = new ArrayList<>();
            for (Column column : t.columns()) {
              out.add(new Object[] {column.name(), column.type().toString(),
                  column.primaryKey() ? "p" : column.indexed() ? "i" : ""});
            }
            return out;
          });
    }
    if (command instanceof TableLoad c) {
      return new DirectPlan(List.of(), false, p -> {
        TableData data = table(c.table(), c.position());
        java.nio.file.Path file = workingDirectory.get().resolve(c.csvFile());
        try {
          return new StatementResult.UpdateCount(new CsvImporter(data).load(file).rows());
        } catch (java.io.IOException e) {
          throw new DstException(ErrorCode.INVALID_ARGUMENT, c.position() + ": cannot read CSV file " + file
              + ": " + e.getMessage(), e);
        }
      });
    }
    if (command instanceof TableAdd c) {
      return new DirectPlan(List.of(), true, p -> {
        TableData data = table(c.table(), c.position());
        TableSchema t = data.schema();
        if (c.values().size() != t.columnCount()) {
          throw new DstException(ErrorCode.INVALID_ARGUMENT, c.position() + ": table " + t.name() + " has "
              + t.columnCount() + " columns but " + c.values().size() + " values were given");
        }
        Object[] row = new Object[t.columnCount()];
        for (int i = 0; i < row.length; i++) {
          row[i] = LiteralCoercion.coerce(c.values().get(i), t.columns().get(i), c.position());
        }
        data.insert(List.<Object[]>of(row));
        return OK;
      });
    }
    if (command instanceof TableDelete c) {
      return new DirectPlan(List.of(), true, p -> {
        TableData data = table(c.table(), c.position());
        var predicate = new ConditionTranslator(data.schema(), c.position()).toPredicate(c.when());
        return new StatementResult.UpdateCount(data.delete(predicate));
      });
    }
    if (command instanceof TableUpdate c) {
      return new DirectPlan(List.of(), true, p -> {
        TableData data = table(c.table(), c.position());
        ConditionTranslator translator = new ConditionTranslator(data.schema(), c.position());
        Map<Integer, Object> assignments = new LinkedHashMap<>();
        for (Assignment a : c.assignments()) {
          int col = translator.column(a.column());
          if (data.schema().columns().get(col).primaryKey()) {
            throw new DstException(ErrorCode.UNSUPPORTED, c.position() + ": the primary key "
                + a.column() + " cannot be updated");
          }
          assignments.put(col, LiteralCoercion.coerce(a.value(), data.schema().columns().get(col), c.position()));
        }
        return new StatementResult.UpdateCount(data.update(translator.toPredicate(c.when()), assignments));
      });
    }
    if (command instanceof TableQuery c) {
      return new QueryCommandPlanner(env).plan(c);
    }
    throw new DstException(ErrorCode.UNSUPPORTED, command.position() + ": unsupported command");
  }

  private TableData table(String name, io.dst.grammar.ast.SourcePosition at) {
    return store.table(name).orElseThrow(() ->
        new DstException(ErrorCode.UNKNOWN_TABLE, at + ": unknown table " + name));
  }

  private static StatementPlan write(Runnable action) {
    return new DirectPlan(List.of(), true, p -> {
      action.run();
      return OK;
    });
  }

  private static StatementPlan rows(List<ResultColumn> columns, Supplier<List<Object[]>> rows) {
    return new DirectPlan(columns, true, p -> new StatementResult.Rows(columns, RowCursor.of(rows.get())));
  }
}
