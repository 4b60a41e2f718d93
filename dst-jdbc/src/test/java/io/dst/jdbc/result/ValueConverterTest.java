package io.dst.jdbc.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueConverterTest {

  @Test
  void numbersConvertBetweenWidthsWhenTheValueFits() throws SQLException {
    assertThat(ValueConverter.convert(3, Long.class)).isEqualTo(3L);
    assertThat(ValueConverter.convert(3L, Integer.class)).isEqualTo(3);
    assertThat(ValueConverter.convert(2.0, Long.class)).isEqualTo(2L);
    assertThat(ValueConverter.convert("42", Integer.class)).isEqualTo(42);
    assertThat(ValueConverter.convert(1.5, BigDecimal.class)).isEqualByComparingTo("1.5");
    assertThatThrownBy(() -> ValueConverter.toInt(Long.MAX_VALUE)).isInstanceOf(SQLDataException.class);
    assertThatThrownBy(() -> ValueConverter.toLong(2.5)).isInstanceOf(SQLDataException.class);
    assertThatThrownBy(() -> ValueConverter.toLong("abc"))
        .isInstanceOf(SQLDataException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
  }

  @Test
  void timestampsReadAsEveryJavaTimeType() throws SQLException {
    Timestamp t = Timestamp.valueOf("2024-03-01 10:15:30.5");
    assertThat(ValueConverter.convert(t, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 15, 30,
        500_000_000));
    assertThat(ValueConverter.convert(t, Instant.class)).isEqualTo(t.toInstant());
    assertThat(ValueConverter.convert(t.getTime(), Timestamp.class)).isEqualTo(t);
    assertThat(ValueConverter.toDate(t).toString()).isEqualTo("2024-03-01");
  }

  @Test
  void nullStaysNullForObjectsAndIsZeroForPrimitives() throws SQLException {
    assertThat(ValueConverter.convert(null, String.class)).isNull();
    assertThat(ValueConverter.toInt(null)).isZero();
    assertThat(ValueConverter.toBoolean(null)).isFalse();
  }

  @Test
  void listsAndArraysConvertIntoEachOther() throws SQLException {
    Array a = ValueConverter.convert(List.of("1", "2"), Array.class);
    assertThat(a.getBaseType()).isEqualTo(Types.VARCHAR);
    assertThat((Object[]) a.getArray()).isInstanceOf(String[].class).containsExactly("1", "2");
    assertThat(ValueConverter.convert(a, List.class)).isEqualTo(List.of("1", "2"));
    assertThat(ValueConverter.toStringValue(a)).isEqualTo("[1, 2]");
  }

  @Test
  void anArrayReadsAsRowsOfIndexAndValue() throws SQLException {
    DstArray a = new DstArray(List.of(10L, 20L, 30L), Types.BIGINT, "BIGINT", Long.class);
    try (var rs = a.getResultSet(2, 2)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("INDEX")).isEqualTo(2);
      assertThat(rs.getLong("VALUE")).isEqualTo(20L);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(2)).isEqualTo(30L);
      assertThat(rs.next()).isFalse();
    }
    assertThatThrownBy(() -> a.getArray(3, 2)).isInstanceOf(SQLException.class);
  }
}
