package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest extends SessionTestSupport {
  @Test
  void shouldCreateInsertAndSelect() {
    runAll("create table t (id int primary key, name varchar, n int)");
    assertThat(count("insert into t values (1, 'a', 10), (2, 'b', 20)")).isEqualTo(2);
    assertThat(rows("select id, name from t order by id")).containsExactly(row(1, "a"), row(2, "b"));
    assertThat(rows("SELECT * FROM T WHERE ID = 2")).containsExactly(row(2, "b", 20));
    System.err.println(explain("select name from t where n > 5"));
    assertThat(rows("str.put \"k\" \"v\"")).isNull();
  }
}
