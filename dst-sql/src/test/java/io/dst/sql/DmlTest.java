package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DmlTest extends SessionTestSupport {

  @BeforeEach
  void createTables() {
    runAll("create table item (id int primary key, name varchar, qty int, price double)",
        "insert into item values (1, 'apple', 10, 0.5), (2, 'pear', 0, 0.75), (3, 'plum', 5, null)");
  }

  @Test
  void shouldInsertWithColumnListAndDefaultsToNull() {
    assertThat(count("insert into item (id, name) values (4, 'fig')")).isEqualTo(1);
    assertThat(rows("select name, qty, price from item where id = 4")).containsExactly(row("fig", null, null));
  }

  @Test
  void shouldInsertFromSelect() {
    runAll("create table item_copy (id int primary key, name varchar)");
    assertThat(count("insert into item_copy select id + 100, upper(name) from item where qty > 0")).isEqualTo(2);
    assertThat(rows("select id, name from item_copy order by id")).containsExactly(row(101, "APPLE"), row(103, "PLUM"));
  }

  @Test
  void shouldUpdateWithConstantsAndExpressions() {
    assertThat(count("update item set name = 'green apple' where id = 1")).isEqualTo(1);
    assertThat(count("update item set qty = qty + 1, price = price * 2 where qty >= 5")).isEqualTo(2);
    assertThat(rows("select id, name, qty, price from item order by id")).containsExactly(
        row(1, "green apple", 11, 1.0), row(2, "pear", 0, 0.75), row(3, "plum", 6, null));
  }

  @Test
  void shouldUpdateEveryRowWithoutWhere() {
    assertThat(count("update item set qty = 0")).isEqualTo(3);
    assertThat(rows("select sum(qty) from item")).containsExactly(row(0));
  }

  @Test
  void shouldDeleteByPredicateAndByExpression() {
    assertThat(count("delete from item where qty = 0")).isEqualTo(1);
    assertThat(count("delete from item where upper(name) = 'PLUM'")).isEqualTo(1);
    assertThat(rows("select id from item")).containsExactly(row(1));
    assertThat(count("delete from item")).isEqualTo(1);
    assertThat(rows("select count(*) from item")).containsExactly(row(0L));
  }

  @Test
  void shouldModifyTablesWithoutPrimaryKey() {
    runAll("create table event (kind varchar, n int)",
        "insert into event values ('a', 1), ('a', 1), ('b', 2)");
    assertThat(count("update event set n = n + 10 where kind = 'a'")).isEqualTo(2);
    assertThat(rows("select kind, n from event order by kind, n")).containsExactly(row("a", 11), row("a", 11), row("b", 2));
    assertThat(count("update event set n = n * 2 where upper(kind) = 'B'")).isEqualTo(1);
    assertThat(count("delete from event where n > 10")).isEqualTo(2);
    assertThat(rows("select kind, n from event")).containsExactly(row("b", 4));
  }

  @Test
  void shouldRejectDuplicatePrimaryKeys() {
    assertThatThrownBy(() -> run("insert into item values (1, 'again', 1, 1.0)"))
        .isInstanceOf(DstException.class)
        .satisfies(e -> assertThat(((DstException) e).code()).isEqualTo(ErrorCode.DUPLICATE_KEY));
    assertThat(rows("select name from item where id = 1")).containsExactly(row("apple"));
  }

  @Test
  void shouldRunPreparedDmlWithParameters() {
    PreparedStatementPlan insert = session.prepare("insert into item values (?, ?, ?, ?)");
    assertThat(insert.parameterCount()).isEqualTo(4);
    assertThat(insert.parameterTypes()).containsExactly(java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
        java.sql.Types.INTEGER, java.sql.Types.DOUBLE);
    for (int i = 10; i < 15; i++) {
      insert.execute(Arrays.asList(i, "n" + i, i, null));
    }
    PreparedStatementPlan update = session.prepare("update item set qty = ? where id = ?");
    assertThat(update.execute(List.of(99, 12))).isEqualTo(new StatementResult.UpdateCount(1));
    PreparedStatementPlan delete = session.prepare("delete from item where id = ?");
    assertThat(delete.execute(List.of(13))).isEqualTo(new StatementResult.UpdateCount(1));
    assertThat(rows("select id, qty from item where id >= 10 order by id"))
        .containsExactly(row(10, 10), row(11, 11), row(12, 99), row(14, 14));
  }

  @Test
  void shouldInsertABatchAtomically() {
    PreparedStatementPlan insert = session.prepare("insert into item (id, name) values (?, ?)");
    List<StatementResult> results = insert.executeBatch(List.of(List.of(20, "a"), List.of(21, "b"), List.of(22, "c")));
    assertThat(results).containsOnly(new StatementResult.UpdateCount(1)).hasSize(3);
    assertThatThrownBy(() -> insert.executeBatch(List.of(List.of(23, "d"), List.of(20, "dup"))))
        .isInstanceOf(DstException.class);
    assertThat(rows("select id from item where id >= 20 order by id")).containsExactly(row(20), row(21), row(22));
  }

  @Test
  void shouldStoreEveryScalarTypeAndArrays() {
    runAll("create table all_types (s varchar primary key, i int, l bigint, d double, b boolean, "
        + "y varbinary(16), t timestamp, a varchar array)");
    PreparedStatementPlan insert = session.prepare("insert into all_types values (?, ?, ?, ?, ?, ?, ?, ?)");
    java.sql.Timestamp ts = java.sql.Timestamp.valueOf("2024-05-06 07:08:09");
    insert.execute(Arrays.asList("k", 1, 2L, 3.5, true, new byte[] {1, 2}, ts, List.of("x", "y")));
    List<Object> r = rows("select * from all_types where s = 'k'").get(0);
    assertThat(r.subList(0, 5)).containsExactly("k", 1, 2L, 3.5, true);
    assertThat((byte[]) r.get(5)).containsExactly(1, 2);
    assertThat(r.get(6)).isEqualTo(ts);
    assertThat(r.get(7)).isEqualTo(List.of("x", "y"));
    assertThat(rows("select l from all_types where t > timestamp '2024-01-01 00:00:00' and b"))
        .containsExactly(row(2L));
  }
}
