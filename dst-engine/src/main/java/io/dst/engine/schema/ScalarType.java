package io.dst.engine.schema;

/**
 * The scalar column types of a Dst table. Each maps to one Java value class in rows handed across
 * the engine API: STRING to String, INT to Integer, LONG to Long, DOUBLE to Double, BOOL to Boolean,
 * BYTES to byte[], and TIMESTAMP to Long milliseconds since the epoch (UTC), as Calcite holds it.
 */
public enum ScalarType {
  STRING, INT, LONG, DOUBLE, BOOL, BYTES, TIMESTAMP;

  /** The name used in `.sc` files and in error messages. */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
