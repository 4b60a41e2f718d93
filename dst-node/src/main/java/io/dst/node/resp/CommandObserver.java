package io.dst.node.resp;

/**
 * Told about every dispatched RESP command, for metrics: the command's lower-case name ("unknown"
 * for a name the table does not know), how long it ran and whether it answered with an error that
 * it raised. Called on the thread that ran the command, so it must be cheap and must not throw.
 */
@FunctionalInterface
public interface CommandObserver {
  /** Observes nothing; the dispatcher skips the clock reads when this is installed. */
  CommandObserver NONE = (command, nanos, failed) -> { };

  void completed(String command, long nanos, boolean failed);
}
