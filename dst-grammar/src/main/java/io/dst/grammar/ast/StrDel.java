package io.dst.grammar.ast;

import java.util.Objects;

/** {@code str.del "key"}: deletes a key. */
public record StrDel(String key, SourcePosition position) implements KvCommand {
  public StrDel {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(position, "position");
  }
}
