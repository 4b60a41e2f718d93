package io.dst.engine.schema;

/**
 * A column's type: a scalar, or an array of a scalar ({@code [string]} in a `.sc` file). Array values
 * cross the engine API as an unmodifiable {@code java.util.List} of the element's value class.
 */
public record ColumnType(ScalarType element, boolean array) {
  public ColumnType {
    java.util.Objects.requireNonNull(element, "element");
  }

  public static ColumnType of(ScalarType scalar) {
    return new ColumnType(scalar, false);
  }

  public static ColumnType arrayOf(ScalarType element) {
    return new ColumnType(element, true);
  }

  @Override
  public String toString() {
    return array ? "[" + element.keyword() + "]" : element.keyword();
  }
}
