package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code dict.put "dict" "f1" "v1" "f2" "v2"}: puts fields (at least one) into a dict, in the order written. */
public record DictPut(String key, List<DictEntry> entries, SourcePosition position) implements KvCommand {
  public DictPut {
    Objects.requireNonNull(key, "key");
    entries = List.copyOf(entries);
    Objects.requireNonNull(position, "position");
  }
}
