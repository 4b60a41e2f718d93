package io.dst.jdbc;

import io.dst.jdbc.driver.ConnectionSettings;
import io.dst.jdbc.driver.DstConnections;
import io.dst.jdbc.driver.DstUrl;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Dst JDBC 4.2 driver, found by {@link java.util.ServiceLoader} and registered with
 * {@link DriverManager} when loaded. URLs:
 *
 * <ul>
 *   <li>{@code jdbc:dst:mem:} - a private in-process database for this one connection; its data goes
 *       when the connection closes.
 *   <li>{@code jdbc:dst:mem:NAME} - an in-process database shared by every connection in this JVM that
 *       names it; it lives while at least one such connection is open and is dropped, with its data,
 *       when the last one closes (as H2's named {@code mem:} databases).
 *   <li>{@code jdbc:dst://zkhost:2181[,zkhost2:2181]/cluster} - a Dst cluster found through ZooKeeper.
 * </ul>
 *
 * <p>Properties ({@code user}, {@code password}, {@code connectTimeout}, {@code queryTimeout} in
 * seconds) come from {@code connect}'s {@link Properties} or the URL after {@code ?} or {@code ;}.
 */
public final class DstDriver implements Driver {
  public static final int MAJOR_VERSION = 0;
  public static final int MINOR_VERSION = 1;
  public static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION + ".0";
  public static final String NAME = "Dst JDBC Driver";

  private static final DstDriver INSTANCE = new DstDriver();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Connects, or returns null for a URL that is not a Dst URL (so DriverManager tries the next driver). */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    DstUrl parsed = DstUrl.parse(url);
    return DstConnections.open(url, parsed, ConnectionSettings.from(parsed.parameters(), info));
  }

  @Override
  public boolean acceptsURL(String url) {
    return DstUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties merged = new Properties();
    if (acceptsURL(url)) {
      merged.putAll(DstUrl.parse(url).parameters());
    }
    if (info != null) {
      merged.putAll(info);
    }
    return ConnectionSettings.describe(merged);
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** False: Dst does not pass the JDBC compliance suite (no transactions, no full SQL-92 DDL). */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("io.dst.jdbc");
  }
}
