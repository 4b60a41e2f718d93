package io.dst.grammar.ast;

import java.util.Objects;

/** {@code str.exists "key"}: whether a key exists. */
public record StrExists(String key, SourcePosition position) implements KvCommand {
  public StrExists {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(position, "position");
  }
}
