package io.dst.grammar.ast;

import java.util.Objects;

/** {@code str.put "key" "value"}: sets a str key. */
public record StrPut(String key, String value, SourcePosition position) implements KvCommand {
  public StrPut {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(position, "position");
  }
}
