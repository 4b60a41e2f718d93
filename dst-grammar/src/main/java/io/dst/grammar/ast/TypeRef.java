package io.dst.grammar.ast;

import java.util.Objects;

/** A column type as written in a `.sc` file: a scalar such as {@code int}, or an array {@code [int]}. */
public record TypeRef(ScalarTypeName scalar, boolean array) {
  public TypeRef {
    Objects.requireNonNull(scalar, "scalar");
  }

  public static TypeRef of(ScalarTypeName scalar) {
    return new TypeRef(scalar, false);
  }

  public static TypeRef arrayOf(ScalarTypeName element) {
    return new TypeRef(element, true);
  }

  @Override
  public String toString() {
    return array ? "[" + scalar.keyword() + "]" : scalar.keyword();
  }
}
