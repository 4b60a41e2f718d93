package io.dst.jdbc.driver;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The connection properties a Dst connection understands, merged from the URL's parameters and the
 * {@link Properties} handed to {@code connect} (the latter win). Timeouts are in seconds; 0 means none.
 */
public record ConnectionSettings(String user, String password, int connectTimeoutSeconds, int queryTimeoutSeconds) {

  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String CONNECT_TIMEOUT = "connectTimeout";
  public static final String QUERY_TIMEOUT = "queryTimeout";
  public static final int DEFAULT_CONNECT_TIMEOUT = 10;

  public static ConnectionSettings from(Map<String, String> urlParameters, Properties info) throws SQLException {
    Properties merged = new Properties();
    merged.putAll(urlParameters);
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        merged.setProperty(key, info.getProperty(key));
      }
    }
    return new ConnectionSettings(
        merged.getProperty(USER),
        merged.getProperty(PASSWORD),
        seconds(merged, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
        seconds(merged, QUERY_TIMEOUT, 0));
  }

  private static int seconds(Properties p, String key, int dflt) throws SQLException {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      int seconds = Integer.parseInt(value.trim());
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw new SQLException("connection property " + key + " must be a whole number of seconds >= 0, not '"
          + value + "'", "22023");
    }
  }

  /** What {@link java.sql.Driver#getPropertyInfo} reports, with values taken from {@code info}. */
  public static DriverPropertyInfo[] describe(Properties info) {
    Properties p = info == null ? new Properties() : info;
    return List.of(
        property(p, USER, false, "User name; in-memory databases accept any."),
        property(p, PASSWORD, false, "Password; in-memory databases accept any."),
        property(p, CONNECT_TIMEOUT, false,
            "Seconds to wait for a cluster connection (default " + DEFAULT_CONNECT_TIMEOUT + ")."),
        property(p, QUERY_TIMEOUT, false, "Default query timeout in seconds for new statements; 0 for none."))
        .toArray(DriverPropertyInfo[]::new);
  }

  private static DriverPropertyInfo property(Properties p, String name, boolean required, String description) {
    DriverPropertyInfo info = new DriverPropertyInfo(name, p.getProperty(name));
    info.required = required;
    info.description = description;
    return info;
  }
}
