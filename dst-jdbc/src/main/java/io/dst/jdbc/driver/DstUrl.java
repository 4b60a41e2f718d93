package io.dst.jdbc.driver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed Dst JDBC URL: {@code jdbc:dst:mem:} (a private in-process database),
 * {@code jdbc:dst:mem:NAME} (an in-process database shared by name) or
 * {@code jdbc:dst://zk1:2181[,zk2:2181]/cluster}. Connection properties may follow after {@code ?}
 * or {@code ;}, separated by {@code &} or {@code ;}.
 */
public record DstUrl(Kind kind, String name, String zookeeper, String cluster, Map<String, String> parameters) {

  /** Which kind of database the URL names. */
  public enum Kind { MEM_PRIVATE, MEM_NAMED, CLUSTER }

  public static final String PREFIX = "jdbc:dst:";
  private static final String MEM = PREFIX + "mem:";
  private static final String CLUSTER = PREFIX + "//";

  public DstUrl {
    parameters = Map.copyOf(parameters);
  }

  public static boolean accepts(String url) {
    return url != null && (url.startsWith(MEM) || url.startsWith(CLUSTER));
  }

  public static DstUrl parse(String url) throws SQLException {
    if (!accepts(url)) {
      throw new SQLException("not a Dst URL: " + url
          + " (expected jdbc:dst:mem:[NAME] or jdbc:dst://zkhost:2181[,zkhost2:2181]/cluster)", "08001");
    }
    int paramStart = firstIndexOf(url, '?', ';');
    String base = paramStart < 0 ? url : url.substring(0, paramStart);
    Map<String, String> params = paramStart < 0 ? Map.of() : parseParameters(url, url.substring(paramStart + 1));
    if (base.startsWith(MEM)) {
      String name = base.substring(MEM.length());
      if (name.contains("/") || name.contains(":")) {
        throw new SQLException("bad in-memory database name '" + name + "' in " + url, "08001");
      }
      return name.isEmpty()
          ? new DstUrl(Kind.MEM_PRIVATE, null, null, null, params)
          : new DstUrl(Kind.MEM_NAMED, name, null, null, params);
    }
    String rest = base.substring(CLUSTER.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
      throw new SQLException("bad cluster URL " + url
          + ": expected jdbc:dst://zkhost:2181[,zkhost2:2181]/cluster", "08001");
    }
    String zk = rest.substring(0, slash);
    for (String host : zk.split(",", -1)) {
      if (!host.matches("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}")) {
        throw new SQLException("bad ZooKeeper address '" + host + "' in " + url + ": expected host:port", "08001");
      }
    }
    return new DstUrl(Kind.CLUSTER, null, zk, rest.substring(slash + 1), params);
  }

  private static int firstIndexOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }

  private static Map<String, String> parseParameters(String url, String text) throws SQLException {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : text.split("[&;]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new SQLException("bad URL parameter '" + pair + "' in " + url + ": expected key=value", "08001");
      }
      params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
