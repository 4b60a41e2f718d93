package io.dst.node.resp;

import java.util.List;

/**
 * A command in the dispatch table with what COMMAND reports about it: Redis's arity (positive: exact
 * argument count including the name; negative: at least that many), flags and key positions.
 *
 * @param name lower-case name
 * @param arity Redis arity
 * @param flags Redis command flags such as "write", "readonly", "fast"
 * @param firstKey index of the first key argument, 0 when none
 * @param lastKey index of the last key argument, -1 for the last argument
 * @param step distance between key arguments
 * @param group COMMAND DOCS group ("string", "hash", "generic", "connection", "server")
 * @param summary one line for COMMAND DOCS
 * @param handler what runs it
 */
public record CommandSpec(String name, int arity, List<String> flags, int firstKey, int lastKey,
    int step, String group, String summary, CommandHandler handler) {

  public boolean acceptsArgc(int argc) {
    return arity >= 0 ? argc == arity : argc >= -arity;
  }

  /** Commands a client may send before AUTH, as in Redis. */
  public boolean allowedBeforeAuth() {
    return flags.contains("no-auth");
  }
}
