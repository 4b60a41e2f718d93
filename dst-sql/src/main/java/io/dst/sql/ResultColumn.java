package io.dst.sql;

/**
 * Describes one column of a statement's result as JDBC reports it: {@code sqlType} is a {@link
 * java.sql.Types} constant, {@code typeName} the SQL type name, and {@code javaClass} the class
 * {@code getObject} returns (String, Integer, Long, Double, Boolean, byte[], java.sql.Timestamp,
 * java.sql.Array for arrays, BigDecimal for DECIMAL).
 */
public record ResultColumn(
    String label,
    String tableName,
    int sqlType,
    String typeName,
    Class<?> javaClass,
    int precision,
    int scale,
    boolean nullable) {}
