package io.dst.node.resp;

/**
 * Carries out one command whose name and arity the dispatcher has already checked, writing exactly
 * one reply. It may throw {@link RespError} (or a DstException, which the dispatcher translates)
 * instead of writing.
 */
@FunctionalInterface
public interface CommandHandler {
  void execute(RespCommand command, ClientSession session, RespWriter out);
}
