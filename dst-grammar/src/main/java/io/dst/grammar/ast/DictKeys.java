package io.dst.grammar.ast;

import java.util.Objects;

/** {@code dict.keys "dict"}: the dict's field names. */
public record DictKeys(String key, SourcePosition position) implements KvCommand {
  public DictKeys {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(position, "position");
  }
}
