package io.dst.grammar.ast;

/** A command on the key-value side: {@code str.*} and {@code dict.*}. */
public sealed interface KvCommand extends Command
    permits StrPut, StrGet, StrDel, StrExists, DictPut, DictGet, DictDel, DictKeys {
  /** The str key or dict name the command works on. */
  String key();
}
