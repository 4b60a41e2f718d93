package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code dict.del "dict" "f1" "f2"} removes those fields; {@code dict.del "dict"} (no fields) removes the whole dict. */
public record DictDel(String key, List<String> fields, SourcePosition position) implements KvCommand {
  public DictDel {
    Objects.requireNonNull(key, "key");
    fields = List.copyOf(fields);
    Objects.requireNonNull(position, "position");
  }
}
