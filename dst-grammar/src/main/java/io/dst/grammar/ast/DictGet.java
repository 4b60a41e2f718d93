package io.dst.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code dict.get "dict"} (every field, in insertion order) or {@code dict.get "dict" "field"} (one field). */
public record DictGet(String key, Optional<String> field, SourcePosition position) implements KvCommand {
  public DictGet {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(position, "position");
  }
}
