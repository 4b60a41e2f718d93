package io.dst.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors name the position and the problem with the right code, never an internal error. */
class ErrorReportingTest extends SessionTestSupport {

  @BeforeEach
  void createTable() {
    run("create table t (id int primary key, name varchar)");
  }

  private DstException failure(String sql) {
    return catchThrowableOfType(DstException.class, () -> rowsOf(run(sql)));
  }

  @Test
  void shouldReportUnknownTableWithPosition() {
    DstException e = failure("select *\nfrom nope");
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
    assertThat(e.getMessage()).contains("line 2, column 6").contains("nope");
  }

  @Test
  void shouldReportUnknownColumn() {
    DstException e = failure("select missing from t");
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
    assertThat(e.getMessage()).contains("line 1, column 8").contains("missing");
    assertThat(failure("insert into t (id, nope) values (1, 'x')").code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
  }

  @Test
  void shouldReportTypeMismatch() {
    assertThat(failure("insert into t values ('abc', 'x')").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(failure("select * from t where name + 1 > true").code()).isIn(ErrorCode.TYPE_MISMATCH);
  }

  @Test
  void shouldReportSyntaxErrorWithLineAndColumn() {
    DstException e = failure("select id\nfrom t where");
    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX);
    assertThat(e.getMessage()).contains("line 2").doesNotContain("\n\tat ");
    DstException ddl = failure("create table x (a int, b)");
    assertThat(ddl.code()).isEqualTo(ErrorCode.SYNTAX);
  }

  @Test
  void shouldReportBadValuesAndMissingColumns() {
    assertThat(failure("insert into t values (1)").code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(failure("insert into t (id, name) values (null, 'x')").code()).isEqualTo(ErrorCode.NOT_NULL_VIOLATION);
    run("create table ts_t (id int primary key, ts timestamp)");
    DstException e = failure("insert into ts_t values (1, 'garbage')");
    assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(e.getMessage()).contains("garbage");
    DstException type = failure("create table x (a int, b wibble)");
    assertThat(type.code()).isEqualTo(ErrorCode.SYNTAX);
    assertThat(type.getMessage()).contains("line 1, column 24").contains("wibble");
  }

  @Test
  void shouldReportDivisionByZeroAtRunTime() {
    run("insert into t values (1, 'a')");
    DstException e = failure("select id / 0 from t");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains("division by zero");
  }

  @Test
  void shouldReportWrongParameterType() {
    PreparedStatementPlan plan = session.prepare("select name from t where id = ?");
    DstException e = catchThrowableOfType(DstException.class, () -> plan.execute(java.util.List.of("abc")));
    assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
  }
}
