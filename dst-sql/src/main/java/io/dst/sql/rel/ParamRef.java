package io.dst.sql.rel;

/**
 * Stands for the value of the statement's {@code ?} parameter {@code index} inside a pushed-down
 * predicate or key lookup; {@link BoundQuery} replaces it with the value when the plan runs.
 */
public record ParamRef(int index) {
  @Override
  public String toString() {
    return "?" + index;
  }
}
