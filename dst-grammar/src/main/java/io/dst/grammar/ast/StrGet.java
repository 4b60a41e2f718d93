package io.dst.grammar.ast;

import java.util.Objects;

/** {@code str.get "key"}: reads a str key. */
public record StrGet(String key, SourcePosition position) implements KvCommand {
  public StrGet {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(position, "position");
  }
}
