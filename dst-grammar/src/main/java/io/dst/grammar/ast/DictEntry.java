package io.dst.grammar.ast;

import java.util.Objects;

/** One field/value pair of a {@code dict.put}. */
public record DictEntry(String field, String value) {
  public DictEntry {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
  }
}
