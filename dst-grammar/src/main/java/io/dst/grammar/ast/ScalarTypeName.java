package io.dst.grammar.ast;

import java.util.Locale;

/** The scalar type names a `.sc` file may use; each matches the engine's scalar type of the same name. */
public enum ScalarTypeName {
  STRING, INT, LONG, DOUBLE, BOOL, BYTES, TIMESTAMP;

  /** The lower-case spelling used in `.sc` files. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
