package io.dst.jdbc.result;

import io.dst.engine.api.RowCursor;
import io.dst.jdbc.driver.SqlErrors;
import io.dst.jdbc.meta.JdbcTypes;
import io.dst.sql.ResultColumn;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only result over a {@link RowCursor}: rows arrive as the cursor yields them,
 * so a large scan is never held whole. Values are converted on read by {@link ValueConverter}; array
 * columns read as {@link DstArray}.
 */
public class DstResultSet extends ReadOnlyResultSet {
  private final Statement statement;
  private final List<ResultColumn> columns;
  private final RowCursor cursor;
  private final DstResultSetMetaData metaData;
  private Runnable onClose = () -> {};
  private ReadGuard guard = ReadGuard.NONE;
  private Object[] row;
  private int rowNumber;
  private boolean afterLast;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;
  private int maxRows;

  public DstResultSet(Statement statement, List<ResultColumn> columns, RowCursor cursor) {
    this.statement = statement;
    this.columns = List.copyOf(columns);
    this.cursor = cursor;
    this.metaData = new DstResultSetMetaData(this.columns);
  }

  /** Called once when this result set closes (the statement uses it to forget its current result). */
  public void onClose(Runnable action) {
    this.onClose = action;
  }

  /** Ties reading to the statement run that produced the rows (its timeout and cancel). */
  public void guardedBy(ReadGuard guard) {
    this.guard = guard;
  }

  /** Stops after this many rows, as {@link Statement#setMaxRows} asks; 0 for no limit. */
  public void limitRows(int max) {
    this.maxRows = max;
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    try {
      guard.check();
    } catch (SQLException e) {
      guard.finish();
      throw e;
    }
    boolean more;
    try {
      more = (maxRows == 0 || rowNumber < maxRows) && cursor.hasNext();
      if (more) {
        row = cursor.next();
        rowNumber++;
        return true;
      }
    } catch (RuntimeException e) {
      guard.finish();
      throw guard.translate(e);
    }
    row = null;
    afterLast = true;
    guard.finish();
    return false;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    row = null;
    try {
      cursor.close();
    } catch (RuntimeException e) {
      throw guard.translate(e);
    } finally {
      guard.finish();
      onClose.run();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  /** The value at a 1-based column of the current row, as JDBC's getObject returns it. */
  private Object value(int columnIndex) throws SQLException {
    checkOpen();
    if (row == null) {
      throw new SQLException(rowNumber == 0 && !afterLast
          ? "no current row: call next() first" : "no current row: the result set is past its last row",
          "24000");
    }
    if (columnIndex < 1 || columnIndex > columns.size()) {
      throw new SQLException("column index " + columnIndex + " is out of range 1.." + columns.size(), "07009");
    }
    Object v = columnIndex - 1 < row.length ? row[columnIndex - 1] : null;
    wasNull = v == null;
    return normalize(v, columns.get(columnIndex - 1));
  }

  private static Object normalize(Object v, ResultColumn column) {
    if (v instanceof List<?> list) {
      JdbcTypes.Info element = elementType(column);
      return element == null ? DstArray.of(list)
          : new DstArray(list, element.sqlType(), element.typeName(), element.javaClass());
    }
    if (v instanceof Long millis && column.sqlType() == Types.TIMESTAMP) {
      return new Timestamp(millis);
    }
    return v;
  }

  private static JdbcTypes.Info elementType(ResultColumn column) {
    String name = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
    if (!name.endsWith(" ARRAY")) {
      return null;
    }
    String element = name.substring(0, name.length() - " ARRAY".length()).replaceAll("\\(.*\\)", "").trim();
    for (JdbcTypes.Info info : List.of(JdbcTypes.VARCHAR, JdbcTypes.INTEGER, JdbcTypes.BIGINT, JdbcTypes.DOUBLE,
        JdbcTypes.BOOLEAN, JdbcTypes.VARBINARY, JdbcTypes.TIMESTAMP, JdbcTypes.SMALLINT, JdbcTypes.DECIMAL)) {
      if (info.typeName().equals(element)) {
        return info;
      }
    }
    return null;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).label().equalsIgnoreCase(columnLabel)) {
        return i + 1;
      }
    }
    throw new SQLException("no column " + columnLabel + " in this result; columns are "
        + columns.stream().map(ResultColumn::label).toList(), "42S22");
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return value(columnIndex);
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return ValueConverter.convert(value(columnIndex), type);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    return getObject(columnIndex);
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return getObject(columnLabel);
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    return ValueConverter.toStringValue(value(columnIndex));
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    return getString(columnLabel);
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    return ValueConverter.toBoolean(value(columnIndex));
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return ValueConverter.toByte(value(columnIndex));
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return ValueConverter.toShort(value(columnIndex));
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    return ValueConverter.toInt(value(columnIndex));
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return ValueConverter.toLong(value(columnIndex));
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return (float) ValueConverter.toDouble(value(columnIndex));
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return ValueConverter.toDouble(value(columnIndex));
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    return ValueConverter.toBigDecimal(value(columnIndex));
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(columnIndex);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    return ValueConverter.toBytes(value(columnIndex));
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : ValueConverter.toDate(v);
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    return getDate(columnIndex);
  }

  @Override
  public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    return getDate(columnLabel);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : ValueConverter.toTime(v);
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    return getTime(columnIndex);
  }

  @Override
  public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    return getTime(columnLabel);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return ValueConverter.toTimestamp(value(columnIndex));
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    return getTimestamp(columnIndex);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    return getTimestamp(columnLabel);
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v == null || v instanceof Array) {
      return (Array) v;
    }
    throw new SQLException("column " + columns.get(columnIndex - 1).label() + " is not an array", "22018");
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("getUnicodeStream (deprecated); use getCharacterStream");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("getUnicodeStream (deprecated); use getCharacterStream");
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    byte[] b = getBytes(columnIndex);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return getBinaryStream(findColumn(columnLabel));
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return getCharacterStream(columnIndex);
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(columnLabel);
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("REF values");
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("REF values");
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("BLOB values; read bytes columns with getBytes");
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("BLOB values; read bytes columns with getBytes");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("CLOB values; read strings with getString");
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("CLOB values; read strings with getString");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("NCLOB values; read strings with getString");
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("NCLOB values; read strings with getString");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("XML values");
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("XML values");
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("DATALINK values");
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("DATALINK values");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw SqlErrors.unsupported("ROWID values");
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    throw SqlErrors.unsupported("ROWID values");
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    throw SqlErrors.unsupported("named cursors");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return metaData;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !afterLast && hasMore();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return row != null && rowNumber == 1;
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return row != null && !((maxRows == 0 || rowNumber < maxRows) && hasMore());
  }

  private boolean hasMore() throws SQLException {
    try {
      return cursor.hasNext();
    } catch (RuntimeException e) {
      throw guard.translate(e);
    }
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return row == null ? 0 : rowNumber;
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean absolute(int r) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly();
  }

  private static SQLException forwardOnly() {
    return SqlErrors.unsupported("scrolling: Dst result sets are TYPE_FORWARD_ONLY");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw forwardOnly();
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size must be >= 0", "HY024");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("result set");
    }
  }

  /** The columns of this result, as the statement described them. */
  public List<ResultColumn> columns() {
    return columns;
  }
}
