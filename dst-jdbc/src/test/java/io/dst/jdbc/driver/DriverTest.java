package io.dst.jdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dst.jdbc.DstDriver;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DriverTest {

  @Test
  void theDriverIsFoundThroughServiceLoaderAndDriverManager() throws SQLException {
    List<Driver> drivers = new ArrayList<>();
    ServiceLoader.load(Driver.class).forEach(drivers::add);
    assertThat(drivers).anyMatch(d -> d instanceof DstDriver);
    assertThat(DriverManager.getDriver("jdbc:dst:mem:")).isInstanceOf(DstDriver.class);
  }

  @Test
  void foreignUrlsGetNullSoDriverManagerTriesTheNextDriver() throws SQLException {
    assertThat(new DstDriver().connect("jdbc:h2:mem:", new Properties())).isNull();
  }

  @Test
  void propertyInfoNamesEveryConnectionProperty() throws SQLException {
    DriverPropertyInfo[] info = new DstDriver().getPropertyInfo("jdbc:dst:mem:x?queryTimeout=4", null);
    assertThat(info).extracting(i -> i.name).containsExactly("user", "password", "connectTimeout", "queryTimeout");
    assertThat(info[3].value).isEqualTo("4");
    assertThat(info).allMatch(i -> i.description != null && !i.required);
  }

  @Test
  void eachUnnamedMemoryConnectionHasItsOwnDatabase() throws SQLException {
    try (Connection a = DriverManager.getConnection("jdbc:dst:mem:");
        Connection b = DriverManager.getConnection("jdbc:dst:mem:")) {
      a.createStatement().execute("str.put \"k\" \"only in a\"");
      assertThat(value(a, "k")).isEqualTo("only in a");
      assertThat(value(b, "k")).isNull();
    }
  }

  @Test
  void aNamedMemoryDatabaseIsSharedWhileAnyConnectionIsOpenAndDroppedAfterTheLast() throws SQLException {
    try (Connection a = DriverManager.getConnection("jdbc:dst:mem:shared_test")) {
      try (Connection b = DriverManager.getConnection("jdbc:dst:mem:shared_test")) {
        b.createStatement().execute("str.put \"k\" \"v\"");
      }
      assertThat(value(a, "k")).isEqualTo("v");
    }
    try (Connection c = DriverManager.getConnection("jdbc:dst:mem:shared_test")) {
      assertThat(value(c, "k")).isNull();
    }
  }

  @Test
  void anUnreachableClusterFailsWithAClearConnectionError() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:dst://127.0.0.1:1/nowhere?connectTimeout=1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("cannot connect to cluster nowhere at 127.0.0.1:1")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }

  @Test
  void isValidIsTrueWhileOpenAndFalseAfterClose() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:dst:mem:");
    assertThat(c.isValid(1)).isTrue();
    assertThat(c.isValid(0)).isTrue();
    c.close();
    assertThat(c.isValid(1)).isFalse();
    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
  }

  private static String value(Connection c, String key) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("str.get \"" + key + "\"")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
