package io.dst.jdbc.driver;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import io.dst.jdbc.result.DstResultSetMetaData;
import io.dst.sql.PreparedStatementPlan;
import io.dst.sql.ResultColumn;
import io.dst.sql.StatementResult;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement planned once by the session ({@link PreparedStatementPlan}) and run with {@code ?}
 * parameters. Every parameter must be set before it runs; batches run the plan once per parameter
 * set. Text the session cannot plan ahead (a command such as {@code str.put}) runs as plain text.
 */
public final class DstPreparedStatementImpl extends DstStatementImpl implements PreparedStatement {
  private static final Object UNSET = new Object();

  private final String text;
  private final PreparedStatementPlan plan;
  private final Object[] parameters;
  private final List<List<Object>> batch = new ArrayList<>();

  DstPreparedStatementImpl(DstConnection connection, String text) throws SQLException {
    super(connection);
    this.text = text;
    this.plan = connection.runner().run(new Execution(connection.runner(), 0), session -> prepare(session, text));
    this.parameters = new Object[plan.parameterCount()];
    Arrays.fill(parameters, UNSET);
  }

  private static PreparedStatementPlan prepare(io.dst.sql.DstSession session, String text) {
    try {
      return session.prepare(text);
    } catch (DstException e) {
      if (e.code() != ErrorCode.UNSUPPORTED) {
        throw e;
      }
      return new TextPlan(session, text);
    }
  }

  /** Runs the text as it is, for statements the session does not prepare (they take no parameters). */
  private record TextPlan(io.dst.sql.DstSession session, String text) implements PreparedStatementPlan {
    @Override
    public int parameterCount() {
      return 0;
    }

    @Override
    public List<Integer> parameterTypes() {
      return List.of();
    }

    @Override
    public List<ResultColumn> resultColumns() {
      return List.of();
    }

    @Override
    public StatementResult execute(List<Object> parameters) {
      return session.execute(text);
    }
  }

  private List<Object> boundParameters() throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i] == UNSET) {
        throw new SQLException("parameter " + (i + 1) + " of " + parameters.length + " is not set", "07002");
      }
    }
    return java.util.Collections.unmodifiableList(Arrays.asList(parameters.clone()));
  }

  private StatementResult runPlan() throws SQLException {
    List<Object> values = boundParameters();
    return run(session -> plan.execute(values));
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return acceptQuery(runPlan());
  }

  @Override
  public int executeUpdate() throws SQLException {
    return clamp(executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return acceptUpdate(runPlan());
  }

  @Override
  public boolean execute() throws SQLException {
    return accept(runPlan());
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batch.add(boundParameters());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<List<Object>> work = List.copyOf(batch);
    batch.clear();
    long[] counts = new long[work.size()];
    for (int i = 0; i < work.size(); i++) {
      List<Object> values = work.get(i);
      counts[i] = batchStep(i, counts, () -> run(session -> plan.execute(values)));
    }
    return counts;
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(parameters, UNSET);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new DstResultSetMetaData(plan.resultColumns());
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new DstParameterMetaData(plan.parameterTypes());
  }

  // ---- the text-taking Statement methods do not apply to a prepared statement -------------------

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw textOnPrepared();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw textOnPrepared();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw textOnPrepared();
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw textOnPrepared();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw textOnPrepared();
  }

  private static SQLException textOnPrepared() {
    return new SQLException("a PreparedStatement runs the text it was prepared with; use a Statement for other text",
        "HY000");
  }

  @Override
  public String toString() {
    return text;
  }

  // ---- setters ---------------------------------------------------------------------------------

  private void set(int index, Object value) throws SQLException {
    checkOpen();
    if (index < 1 || index > parameters.length) {
      throw new SQLException("parameter index " + index + " is out of range; the statement has "
          + parameters.length + " parameter(s)", "07009");
    }
    parameters[index - 1] = ParameterValues.normalize(value);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    set(parameterIndex, null);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    set(parameterIndex, null);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    set(parameterIndex, (int) x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    set(parameterIndex, (int) x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    set(parameterIndex, (double) x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    set(parameterIndex, value);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    set(parameterIndex, x == null ? null : x.clone());
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    set(parameterIndex, ParameterValues.convert(x, targetSqlType));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    setObject(parameterIndex, x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    setObject(parameterIndex, x, vendorType(targetSqlType));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(parameterIndex, x, vendorType(targetSqlType));
  }

  private static int vendorType(SQLType type) throws SQLException {
    if (type == null || type.getVendorTypeNumber() == null) {
      throw SqlErrors.unsupported("SQL type " + type);
    }
    return type.getVendorTypeNumber();
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setAsciiStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    set(parameterIndex, x == null ? null
        : new String(ParameterValues.readAll(x, length), java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    setAsciiStream(parameterIndex, x, -1L);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw SqlErrors.unsupported("setUnicodeStream (deprecated); use setCharacterStream");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setBinaryStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    set(parameterIndex, x == null ? null : ParameterValues.readAll(x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    setBinaryStream(parameterIndex, x, -1L);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
    setCharacterStream(parameterIndex, reader, (long) length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    set(parameterIndex, reader == null ? null : ParameterValues.readAll(reader, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader, -1L);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    setCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    setCharacterStream(parameterIndex, value, -1L);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader, -1L);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader, -1L);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    setBinaryStream(parameterIndex, inputStream, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    setBinaryStream(parameterIndex, inputStream, -1L);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    set(parameterIndex, x == null ? null : x.getBytes(1, (int) x.length()));
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    set(parameterIndex, x == null ? null : x.getSubString(1, (int) x.length()));
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    setClob(parameterIndex, value);
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    throw SqlErrors.unsupported("REF parameters");
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    set(parameterIndex, x == null ? null : x.toString());
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw SqlErrors.unsupported("ROWID parameters");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw SqlErrors.unsupported("XML parameters");
  }
}
